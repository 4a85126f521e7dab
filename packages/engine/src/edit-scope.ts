// The edit scope of one transaction (DESIGN: explicit, carried on its transaction, never module
// state). It is the owner token of persistent-map libraries (immutable-js's ownerID, Clojure's
// transient edit token): the objects a transaction makes belong to it, and only it may edit them in
// place until it ends. Anything else — a node of an earlier world, frozen or not (a world restored
// from JSON may be frozen at the top only), or one another transaction made — is shared, and copied
// on write. So transactions may nest or interleave, on one world or several, and none edits what
// another can see.
//
// How ownership is recorded (measured, bench/README.md "Edit scope"): a `Set` of the objects the
// scope made and may edit, and an array of those it made but never edits in place (only freezes). A
// private-field stamp on each object (one load per check) measured 3–5% slower: adding a field
// allocates a property store per trie node, where a `Set` keeps an array's identity hash in its header.
// What keeps the checks few is pmap's path rule (a node the scope did not make holds nothing it made).

/** What one transaction made, and may therefore edit in place until it commits or is dropped. */
export class EditScope {
  /** What this scope made and may edit in place until it ends. */
  private readonly made = new Set<object>();
  /** What this scope made and never edits in place ({@link EditScope.adopt}): it only freezes them. */
  private adopted: object[] = [];
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
   * Registers an object built in this scope that is frozen when it commits but never asked about
   * with {@link EditScope.owns} (a scheduled entry; a lane table, owned through its queue), so it
   * is not entered in the set.
   */
  adopt<T extends object>(object: T): T {
    this.adopted.push(object);
    return object;
  }

  /**
   * Whether this scope made `object` and may still edit it in place. Frozen objects are checked first
   * (most objects a command meets belong to earlier worlds); a frozen object is never edited.
   */
  owns(object: object): boolean {
    return !Object.isFrozen(object) && this.made.has(object);
  }

  /** The transaction succeeded: what it made is frozen, shared from now on, and no longer its own. */
  commit(): void {
    for (const object of this.made) Object.freeze(object);
    const adopted = this.adopted;
    for (let i = 0; i < adopted.length; i++) Object.freeze(adopted[i]!);
    this.end();
  }

  /** The transaction failed: what it made is garbage; the scope gives it up. */
  discard(): void {
    this.end();
  }

  private end(): void {
    this.made.clear();
    this.adopted = [];
  }
}
