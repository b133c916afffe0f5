// The check digit lives with the contract (preload/contract/verhoeff.ts): the
// contract checks Aadhaar numbers with it, the core makes UHIDs with it.
export { verhoeffDigit, verhoeffValid } from '../../preload/contract/verhoeff';
