// Disagreements with the consensus that were traced to a defect of the library, not of the
// harness or of pcxsim: "tool workload" -> what goes wrong. A listed defect is still shown (marked
// in the table and listed under it) but does not fail the run; any other disagreement does.
// pcxsim can never be listed here (consensus.mjs refuses to excuse it).
export const KNOWN_DEFECTS = {
  // Seen on every W5 input with a lone zero group: 2b29:0:4640:… comes out as 2b29::4640:….
  'fast-cidr-tools W5': 'bigint2ip shortens a single zero group to "::", which RFC 5952 §4.2.2 forbids',
};
