import type { CheckResources } from '../checks/check';
import { NameReference } from './name-reference';
import { PostalReference } from './postal-loader';

/** What the address and name checks read from CheckContext.resources (`postal`, `names`). */
export interface ReferenceResources {
  postal: PostalReference;
  names: NameReference;
}

// Module state is per thread, so each worker holds its own read-only copy.
let postal: PostalReference | undefined;
let names: NameReference | undefined;

/** The shipped reference data: postal countries load lazily, names on first use. */
export function defaultReferenceResources(): ReferenceResources {
  return {
    get postal() {
      return (postal ??= new PostalReference());
    },
    get names() {
      return (names ??= NameReference.load());
    },
  };
}

/** Postal reference from the check resources, falling back to the shipped data. */
export function postalOf(resources: CheckResources): PostalReference {
  const given = resources.postal;
  return given instanceof PostalReference ? given : (postal ??= new PostalReference());
}

/** Name reference from the check resources, falling back to the shipped data. */
export function namesOf(resources: CheckResources): NameReference {
  const given = resources.names;
  return given instanceof NameReference ? given : (names ??= NameReference.load());
}
