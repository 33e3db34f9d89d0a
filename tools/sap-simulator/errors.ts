// SAP Gateway error bodies (reference section 5). Handlers throw ODataError; the server renders it.

import { randomBytes } from 'node:crypto';

/** Code of the Gateway message "Resource not found for segment '...'". */
export const NOT_FOUND = '/IWBEP/CM_MGW_RT/020';
/** Code of "No service found for namespace '', name '...', version '...'". */
export const NO_SERVICE = '/IWFND/MED/170';
/**
 * $filter/$orderby/$select errors come from Gateway's OData library (/IWCOR/), which reports a
 * message GUID as the code; this one is from a public capture of "Invalid parametertype used at function".
 */
export const BAD_QUERY = '005056A509B11EE1BB8AF4A65EC3CA20';
/** Not an SAP code: marks behaviour the simulator does not reproduce, so nobody mistakes it for SAP's. */
export const NOT_SIMULATED = 'SAP_SIMULATOR/NOT_SIMULATED';
export const INJECTED = 'SAP_SIMULATOR/INJECTED_FAULT';
export const INTERNAL = 'SAP_SIMULATOR/INTERNAL_ERROR';

export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ServiceInfo {
  id: string;
  version: string;
  componentId: string;
}

function gatewayTimestamp(now: Date): string {
  const iso = now.toISOString(); // 2020-05-20T04:39:36.311Z
  return `${iso.slice(0, 19).replace(/[-:T]/g, '')}.${iso.slice(20, 23)}0000`;
}

export function errorBody(error: ODataError, language: string, service: ServiceInfo | undefined): string {
  const detailCode = error.code === NOT_FOUND ? '/IWBEP/CX_MGW_BUSI_EXCEPTION' : error.code;
  return JSON.stringify({
    error: {
      code: error.code,
      message: { lang: language.toLowerCase(), value: error.message },
      innererror: {
        application: {
          component_id: service?.componentId ?? '',
          service_namespace: '/SAP/',
          service_id: service?.id ?? '',
          service_version: service?.version ?? '',
        },
        transactionid: randomBytes(16).toString('hex').toUpperCase(),
        timestamp: gatewayTimestamp(new Date()),
        Error_Resolution: {
          SAP_Transaction:
            'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details',
          SAP_Note: 'See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)',
        },
        errordetails: [
          {
            code: detailCode,
            message: error.message,
            propertyref: '',
            severity: 'error',
            target: '',
            transition: false,
          },
        ],
      },
    },
  });
}
