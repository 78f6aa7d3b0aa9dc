// Vring: a reference split virtqueue with per-queue barriers, written to be run both on real
// threads and under the weak-memory oracle.
//
// Map of the module:
// - Shared vocabulary: Fences.swift (FenceKind, FenceScope, FencePrimitive, Peer) and
//   BarrierSite.swift (every barrier of the protocol, which accesses it separates).
// - Memory: RingMemory (the backend protocol every shared access goes through),
//   NativeRingMemory (relaxed atomics for two threads), VringLayout (spec layout, vringSize,
//   vringNeedEvent, describe), IndirectPool and GuestMemoryPlan (what lives where).
// - Barriers: FenceBackend (NativeFences, UnsafeNoFences, RecordingFences) and
//   QueueBarriers (weakBarriers picks the SMP or mandatory primitive for a FenceKind).
// - Protocol: VringDriver (add, kickPrepare/notify, getBuffer, callbacks, detach) and
//   VringDevice (pop, addUsed/publishUsed, needsNotify, enable/disableNotify). Each operation
//   is bounded and never waits for the other side.
// - Harness/: runRingExchange, a driver thread and a device thread over one native ring.
// - Bench/: runRingBench, interleaved weak/strong/no-barrier runs, and its text report.
//
// Every barrier is a call `fence(kind, at: site)` on the driver or the device; the site list in
// BarrierSite is the single source, and the tests check each site is executed with the kind
// it requires and between the accesses it names.
