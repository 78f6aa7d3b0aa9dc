/// The text table of a benchmark report.
extension RingBenchReport {
    public func render() -> String {
        var lines = [header]
        if lowestCPUShare < Self.busyCPUShare {
            lines.append("warning: the ring threads got as little as \(Self.format(lowestCPUShare * 100, decimals: 0))% "
                + "of two CPUs; other work competed with them, so these numbers are unreliable")
        }
        let columns = ["pattern", "barriers", "buffers", "buffers/s", "wall ns/buffer", "CPU ns/buffer", "CPU share", "slice spread", "failed slices"]
        var rows = [columns]
        for m in measurements {
            rows.append([
                m.key.pattern.rawValue, m.key.barriers.label, String(m.buffers),
                Self.format(m.buffersPerSecond, decimals: 0),
                Self.format(m.buffersPerSecond > 0 ? 1e9 / m.buffersPerSecond : .nan, decimals: 1),
                Self.format(m.cpuNanosecondsPerBuffer, decimals: 1),
                Self.format(m.cpuShare * 100, decimals: 0) + "%",
                Self.format(m.sliceSpread * 100, decimals: 0) + "%",
                "\(m.failedSlices)/\(m.slices)",
            ])
        }
        lines += Self.table(rows)
        for pattern in options.patterns {
            guard let ratio = strongOverWeak(pattern) else { continue }
            lines.append(
                "strong/weak \(pattern.rawValue): throughput \(Self.format(ratio.throughput, decimals: 2))x, "
                    + "CPU per buffer \(Self.format(ratio.cpuPerBuffer, decimals: 2))x")
        }
        if !fenceCosts.isEmpty {
            let costs = fenceCosts.map { "\($0.primitive.rawValue) \(Self.format($0.nanosecondsPerFence, decimals: 1))" }
            lines.append("fence cost, ns per fence in a single-thread loop: " + costs.joined(separator: ", "))
        }
        if options.barriers.contains(.unsafeNone) {
            lines.append("\"none (unsafe)\" runs without any fence; its numbers are a floor, not a configuration.")
        }
        for m in measurements {
            if let failure = m.firstFailure {
                lines.append("\(m.key.pattern.rawValue)/\(m.key.barriers.label) failed: \(failure)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Below this share of two CPUs the run is flagged as disturbed.
    static let busyCPUShare = 0.8

    private var header: String {
        let slice = options.buffersPerSlice.map { "\($0) buffers" }
            ?? "\(Self.format(Double(options.sliceNanoseconds) / 1e9, decimals: 2)) s"
        return "ring-bench: ring \(options.ringSize), event idx \(options.features.eventIdx ? "on" : "off"), "
            + "indirect \(options.features.indirect ? "on" : "off"), \(options.rounds) rounds x \(slice) per configuration"
    }

    /// Left-aligns the first two columns and right-aligns the numbers.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - row[column].count)
                return column < 2 ? row[column] + pad : pad + row[column]
            }.joined(separator: "  ")
        }
    }

    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard decimals > 0 else { return String(Int(rounded)) }
        let whole = Int(rounded.rounded(.towardZero))
        let fraction = Int(((rounded - Double(whole)) * scale).rounded().magnitude)
        let digits = String(fraction)
        return "\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }
}
