// The edit scope of one transaction (DESIGN: explicit, carried on its transaction, never module
// state). It is the owner token of persistent-map libraries (immutable-js's ownerID, Clojure's
// transient edit token): the objects a transaction makes belong to it, and only it may edit them in
// place until it ends. Anything else — a node of an earlier world, frozen or not (a world restored
// from JSON may be frozen at the top only), or one another transaction made — is shared, and copied
// on write. So transactions may nest or interleave, on one world or several, and none edits what
// another can see.

/** What one transaction made, and may therefore edit in place until it commits or is dropped. */
export class EditScope {
  private readonly made = new Set<object>();
  /**
   * Set by the persistent map on each set or delete: whether it added (or removed) an entry. A node
   * edited in place is the same object, so only this tells; it is read right after the call.
   */
  grew = false;
  /** See {@link EditScope.grew}. */
  shrank = false;

  /** Registers an object built in this scope: it may be edited in place until the scope ends. */
  own<T extends object>(object: T): T {
    this.made.add(object);
    return object;
  }

  /**
   * Whether this scope made `object` and has not given it up. Frozen objects are checked first (most
   * nodes a command meets belong to earlier worlds); a frozen object is never edited, whoever made it
   * — freezing a draft (apply's `freezeWorld`) takes it back from its scope.
   */
  owns(object: object): boolean {
    return !Object.isFrozen(object) && this.made.has(object);
  }

  /** The transaction succeeded: what it made is frozen, shared from now on, and no longer its own. */
  commit(): void {
    for (const object of this.made) Object.freeze(object);
    this.made.clear();
  }

  /** The transaction failed: what it made is garbage; the scope gives it up. */
  discard(): void {
    this.made.clear();
  }
}
