import Foundation
import Vring

/// Why a fence file could not be read.
public struct FenceConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public var description: String { message }
}

extension FenceConfiguration {
    /// Reads the `--fences FILE` format:
    ///
    ///     {
    ///       "weak":   { "wmb": ["smp_rmb"], "mb": "smp_mb" },
    ///       "strong": { "wmb": ["rmb"] },
    ///       "sites":  { "kick.beforeEventCheck": "wmb" }
    ///     }
    ///
    /// Every key is optional; a helper's expansion is one primitive name or a list of them
    /// (empty: the helper expands to nothing). Unknown keys and names are errors.
    public static func parse(json: Data) throws(FenceConfigurationError) -> FenceConfiguration {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw FenceConfigurationError(message: "not valid JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any] else {
            throw FenceConfigurationError(message: "expected a JSON object with keys weak, strong, sites")
        }
        for key in object.keys where !["weak", "strong", "sites"].contains(key) {
            throw FenceConfigurationError(message: "unknown key \"\(key)\" (expected weak, strong or sites)")
        }
        return FenceConfiguration(
            weak: try helpers(object["weak"], arm: "weak"),
            strong: try helpers(object["strong"], arm: "strong"),
            siteKinds: try sites(object["sites"]))
    }

    public static func parse(json text: String) throws(FenceConfigurationError) -> FenceConfiguration {
        try parse(json: Data(text.utf8))
    }

    private static func helpers(_ value: Any?, arm: String) throws(FenceConfigurationError) -> [FenceKind:
        [FencePrimitive]]
    {
        guard let value else { return [:] }
        guard let table = value as? [String: Any] else {
            throw FenceConfigurationError(message: "\"\(arm)\" must be an object like {\"wmb\": [\"smp_wmb\"]}")
        }
        var result: [FenceKind: [FencePrimitive]] = [:]
        for (name, expansion) in table {
            let kind = try fenceKind(name, context: "\"\(arm)\"")
            let names: [Any]
            if let single = expansion as? String {
                names = [single]
            } else if let list = expansion as? [Any] {
                names = list
            } else {
                throw FenceConfigurationError(message: "\"\(arm)\".\(name) must be a primitive name or a list of them")
            }
            result[kind] = try names.map { (item: Any) throws(FenceConfigurationError) -> FencePrimitive in
                try primitive(item, context: "\"\(arm)\".\(name)")
            }
        }
        return result
    }

    private static func sites(_ value: Any?) throws(FenceConfigurationError) -> [BarrierSite: FenceKind] {
        guard let value else { return [:] }
        guard let table = value as? [String: Any] else {
            throw FenceConfigurationError(
                message: "\"sites\" must be an object like {\"kick.beforeEventCheck\": \"wmb\"}")
        }
        var result: [BarrierSite: FenceKind] = [:]
        for (name, kindName) in table {
            guard let site = BarrierSite(rawValue: name) else {
                let known = BarrierSite.allCases.map(\.rawValue).joined(separator: ", ")
                throw FenceConfigurationError(message: "unknown barrier site \"\(name)\" (known: \(known))")
            }
            guard let text = kindName as? String else {
                throw FenceConfigurationError(message: "\"sites\".\(name) must be \"mb\", \"rmb\" or \"wmb\"")
            }
            result[site] = try fenceKind(text, context: "\"sites\".\(name)")
        }
        return result
    }

    private static func fenceKind(_ name: String, context: String) throws(FenceConfigurationError) -> FenceKind {
        guard let kind = FenceKind(rawValue: name) else {
            throw FenceConfigurationError(
                message: "\(context): unknown helper kind \"\(name)\" (expected mb, rmb or wmb)")
        }
        return kind
    }

    private static func primitive(_ item: Any, context: String) throws(FenceConfigurationError) -> FencePrimitive {
        guard let name = item as? String, let primitive = FencePrimitive(rawValue: name) else {
            let known = FencePrimitive.allCases.map(\.rawValue).joined(separator: ", ")
            throw FenceConfigurationError(message: "\(context): unknown fence primitive \(item) (known: \(known))")
        }
        return primitive
    }
}
