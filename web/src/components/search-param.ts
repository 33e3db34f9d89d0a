/** One query-string parameter of the current screen as state, so filters live in the URL. */
import { useSearchParams } from 'wouter';

export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  return [params.get(name), set];
}
