// The fault-injection suite: topology (processes in network namespaces),
// nemeses (faults and their healing), the workload that records a history,
// and the checker that judges it.
export {};
