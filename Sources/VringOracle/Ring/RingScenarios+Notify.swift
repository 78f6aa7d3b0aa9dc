import Vring

/// Scenarios about notifications: the driver's kick and the device's interrupt, each
/// suppressed with the flags fields or with event indices. Each is a store-buffering shape:
/// one side publishes then checks the other's suppression state, the other re-enables
/// notifications then re-checks for work. A final state where work is pending, the waiting
/// side sleeps and nobody notified is a lost notification.
extension RingScenario {
    /// Device busy with kicks off (used->flags NO_NOTIFY); the driver publishes a buffer and
    /// kicks if the flag allows while the device turns kicks back on and re-checks.
    static var kickWithFlags: RingScenario {
        kick(name: "kick.flags", features: VringFeatures(eventIdx: false), field: "used->flags") { pair in
            pair.device.disableNotify()
        }
    }

    /// Device consumed one buffer without asking for a kick yet (avail_event stale); the driver
    /// publishes a second and kicks if avail_event asks, while the device moves avail_event
    /// and re-checks.
    static var kickWithEventIndex: RingScenario {
        kick(name: "kick.eventIdx", features: VringFeatures(eventIdx: true), field: "avail_event") { pair in
            RingSteps.setupAdd([ScenarioBuffer(index: 0)], to: pair.driver)
            _ = pair.driver.kickPrepare()
            RingSteps.setupPop(pair.device, count: 1)
        }
    }

    /// `kick.eventIdx` with both indices starting at 65,535, so the kick check runs across the
    /// 16-bit wrap (old 0, new 1, avail_event 0).
    static var kickWithEventIndexAcrossWrap: RingScenario {
        kick(
            name: "kick.eventIdx.wrap", features: VringFeatures(eventIdx: true), field: "avail_event", startIndex: .max
        ) {
            pair in
            RingSteps.setupAdd([ScenarioBuffer(index: 0)], to: pair.driver)
            _ = pair.driver.kickPrepare()
            RingSteps.setupPop(pair.device, count: 1)
        }
    }

    private static func kick(
        name: String, features: VringFeatures, field: String, startIndex: UInt16 = 0,
        setup: @escaping (RingPair) -> Void
    ) -> RingScenario {
        RingScenario(
            name: name,
            summary:
                "driver publishes a buffer and checks \(field); the device re-enables kicks and re-checks avail->idx",
            features: features, startIndex: startIndex, setup: setup,
            driverSteps: { driver, context in
                RingSteps.add(ScenarioBuffer(index: 1), to: driver, context)
                RingSteps.kick(driver, context)
            },
            deviceSteps: { device, context in
                context.observe("sleeps", context.performing("enableNotify") { device.enableNotify() } ? 1 : 0)
            },
            violation: { outcome in
                if let note = outcome.driver.notes.first { return note }
                guard outcome.device("sleeps") == 1, outcome.driver("kicked") == 0 else { return nil }
                return "notification lost: the driver published a buffer and read \(field) as 'no kick needed', "
                    + "while the device re-enabled kicks, re-read avail->idx as unchanged and went to sleep"
            })
    }

    /// Driver polling with interrupts off (avail->flags NO_INTERRUPT); the device returns a
    /// buffer and interrupts if the flag allows, while the driver turns interrupts back on and
    /// re-checks used->idx.
    static var interruptWithFlags: RingScenario {
        interrupt(name: "interrupt.flags", features: VringFeatures(eventIdx: false), field: "avail->flags") { pair in
            RingSteps.setupAdd([ScenarioBuffer(index: 0)], to: pair.driver)
            _ = pair.driver.kickPrepare()
            RingSteps.setupPop(pair.device, count: 1)
            pair.driver.disableCallbacks()
        }
    }

    /// Driver took one buffer back with interrupts off (used_event stale); the device returns a
    /// second and interrupts if used_event asks, while the driver moves used_event and
    /// re-checks.
    static var interruptWithEventIndex: RingScenario {
        interrupt(name: "interrupt.eventIdx", features: VringFeatures(eventIdx: true), field: "used_event") { pair in
            let (driver, device) = (pair.driver, pair.device)
            RingSteps.setupAdd([ScenarioBuffer(index: 0)], to: driver)
            _ = driver.kickPrepare()
            RingSteps.setupPop(device, count: 1)
            device.pushUsed(head: 0, length: ScenarioBuffer(index: 0).usedLength)
            _ = device.needsNotify()
            driver.disableCallbacks()
            _ = try? driver.getBuffer()
            RingSteps.setupAdd([ScenarioBuffer(index: 1)], to: driver)
            _ = driver.kickPrepare()
            RingSteps.setupPop(device, count: 1)
        }
    }

    private static func interrupt(
        name: String, features: VringFeatures, field: String, setup: @escaping (RingPair) -> Void
    ) -> RingScenario {
        // With event index the setup already took buffer 0 back, so buffer 1 reused head 0;
        // with flags buffer 0 itself is in flight at head 0.
        let returned = features.eventIdx ? ScenarioBuffer(index: 1) : ScenarioBuffer(index: 0)
        let head: UInt16 = 0
        return RingScenario(
            name: name,
            summary:
                "device returns a buffer and checks \(field); the driver re-enables interrupts and re-checks used->idx",
            features: features, setup: setup,
            driverSteps: { driver, context in
                context.observe("sleeps", context.performing("enableCallbacks") { driver.enableCallbacks() } ? 1 : 0)
            },
            deviceSteps: { device, context in
                RingSteps.pushUsed(device, context, head: head, length: returned.usedLength)
                RingSteps.checkInterrupt(device, context)
            },
            violation: { outcome in
                guard outcome.driver("sleeps") == 1, outcome.device("interrupted") == 0 else { return nil }
                return "interrupt lost: the device returned a buffer and read \(field) as 'no interrupt wanted', "
                    + "while the driver re-enabled interrupts, re-read used->idx as unchanged and went to sleep"
            })
    }

    /// With event index and callbacks on, the driver takes a buffer back (moving used_event)
    /// and finds nothing more, so it waits for the interrupt, while the device returns the next
    /// buffer and checks used_event.
    static var interruptAfterGetBuffer: RingScenario {
        let (first, second) = (ScenarioBuffer(index: 0), ScenarioBuffer(index: 1))
        return RingScenario(
            name: "interrupt.getBuf",
            summary: "driver takes a buffer back, moving used_event, then finds none; the device returns another",
            features: VringFeatures(eventIdx: true),
            setup: { pair in
                RingSteps.setupAdd([first, second], to: pair.driver)
                _ = pair.driver.kickPrepare()
                RingSteps.setupPop(pair.device, count: 2)
                pair.device.pushUsed(head: 0, length: first.usedLength)
                _ = pair.device.needsNotify()
            },
            driverSteps: { driver, context in
                RingSteps.getAll(driver, context, limit: 2)
                context.observe("sleeps", context.observations["get.count"] == 1 ? 1 : 0)
            },
            deviceSteps: { device, context in
                RingSteps.pushUsed(device, context, head: 1, length: second.usedLength)
                RingSteps.checkInterrupt(device, context)
            },
            violation: { outcome in
                if let note = outcome.driver.notes.first { return note }
                if let problem = (0..<outcome.driver("get.count")).lazy.compactMap({
                    usedMismatch(outcome, get: $0, buffer: [first, second][$0])
                }).first {
                    return problem
                }
                guard outcome.driver("sleeps") == 1, outcome.device("interrupted") == 0 else { return nil }
                return "interrupt lost: the driver moved used_event and re-read used->idx as unchanged, "
                    + "while the device returned a buffer and read the old used_event as 'no interrupt wanted'"
            })
    }

    /// Every scenario, in report order.
    public static var all: [RingScenario] {
        [
            publish(), publishIndirect, used(), reuse, kickWithFlags, kickWithEventIndex,
            kickWithEventIndexAcrossWrap, interruptWithFlags, interruptWithEventIndex, interruptAfterGetBuffer,
        ]
    }
}
