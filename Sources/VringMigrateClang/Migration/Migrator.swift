import VringMigrateCore

/// Plans the v3.3 migration of one analysed tree: every step produces edits against the original
/// bytes; nothing is written here.
public struct Migrator {
    public let analysis: TreeAnalysis
    public let rules: RulesTable

    public init(analysis: TreeAnalysis, rules: RulesTable) {
        self.analysis = analysis
        self.rules = rules
    }

    public func plan() -> MigrationPlan {
        var plan = MigrationPlan()
        let api = ConstructorAPI(sites: analysis.sites)
        for site in analysis.sites {
            guard let file = analysis.files[site.path] else { continue }
            switch site.kind {
            case .call where site.name == WatchedNames.constructor:
                CallStep(file: file, site: site, api: api, rules: rules).run(into: &plan)
            case .declaration where site.name == WatchedNames.constructor, .definition:
                ParameterStep(file: file, site: site).run(into: &plan)
                let alreadyMigrated = site.parameters?.contains { ConstructorAPI.declaredName($0.text) == "weak_barriers" } ?? false
                if site.kind == .definition && !alreadyMigrated {
                    StructFieldStep(file: file).run(into: &plan)
                    ConstructorAssignmentStep(file: file, site: site).run(into: &plan)
                }
            case .barrierDefinition:
                BarrierMacroStep(file: file, site: site, scan: analysis.scans[site.path]).run(into: &plan)
            case .barrierUse:
                BarrierUseStep(file: file, site: site, scan: analysis.scans[site.path]).run(into: &plan)
            default:
                break
            }
        }
        plan.review.sort { ($0.path, $0.line, $0.what) < ($1.path, $1.line, $1.what) }
        plan.findings.sort(by: Finding.reportOrder)
        return plan
    }
}

/// The constructor's parameter names as the tree declares them, and whether it already has
/// `weak_barriers`. Positions come from these names, never from a fixed index.
struct ConstructorAPI {
    var parameterNames: [String]
    var hasWeakBarriers: Bool

    /// v3.2's parameters, used only when the tree declares none.
    static let fallback = ["num", "vring_align", "vdev", "pages", "notify", "callback", "name"]

    init(sites: [Site]) {
        let declaration = sites.first { ($0.kind == .definition || $0.kind == .declaration) && $0.name == WatchedNames.constructor && $0.parameters != nil }
        parameterNames = declaration?.parameters?.map { Self.declaredName($0.text) } ?? Self.fallback
        hasWeakBarriers = parameterNames.contains("weak_barriers")
    }

    /// The arity of a call once migrated.
    var migratedArity: Int { hasWeakBarriers ? parameterNames.count : parameterNames.count + 1 }

    /// Index of `name` among the arguments of a call that lacks `weak_barriers`.
    func unmigratedIndex(of name: String) -> Int? {
        let names = parameterNames.filter { $0 != "weak_barriers" }
        return names.firstIndex(of: name)
    }

    /// `void (*notify)(struct virtqueue *)` → notify; `struct virtio_device *vdev` → vdev.
    static func declaredName(_ parameter: String) -> String {
        let bytes = Array(parameter.utf8)
        if let star = parameter.range(of: "(*") {
            let rest = parameter[star.upperBound...]
            return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        var end = bytes.count
        while end > 0 && !CLexer.isIdentifierByte(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0 && CLexer.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
