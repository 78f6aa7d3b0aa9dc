import Foundation
import VringMigrateCore

/// How files are parsed: with a compilation database's flags, or against the tree's own include
/// directories plus a small built-in prelude.
public struct ParseSettings: Sendable {
    public enum Mode: String, Sendable { case compileCommands = "compile-commands", treeIncludes = "tree-includes" }

    public let mode: Mode
    public let extraFlags: [String]
    /// Absolute source path → arguments (without the compiler and the file itself).
    private let database: [String: [String]]

    static let preludePath = "/vringmigrate-builtin/prelude.h"

    /// What a kernel build's command line would give every file; `CONFIG_SMP` on, as in every
    /// configuration that cares about barriers.
    static let prelude = """
        /* vringmigrate built-in prelude */
        #define __KERNEL__ 1
        #define CONFIG_SMP 1
        #if defined(__has_include)
        #if __has_include(<linux/kconfig.h>)
        #include <linux/kconfig.h>
        #endif
        #endif

        """

    /// Kernel sources load one precompiled header of the tree's core headers (see SharedHeader).
    public let sharesKernelHeaders: Bool

    public init(extraFlags: [String] = [], sharesKernelHeaders: Bool = true) {
        mode = .treeIncludes
        self.extraFlags = extraFlags
        self.sharesKernelHeaders = sharesKernelHeaders
        database = [:]
    }

    public init(compileCommands path: String, extraFlags: [String] = []) throws {
        mode = .compileCommands
        self.extraFlags = extraFlags
        sharesKernelHeaders = false
        database = try CompileCommands.load(path)
    }

    /// The arguments for one file of a tree; a kernel source whose include path is the shared
    /// header's loads that header in place of the prelude (which the header begins with).
    func arguments(
        for file: String, treeRoot: String, sharedHeader: SharedHeader? = nil
    ) -> (arguments: [String], unsaved: [(path: String, contents: String)], usesSharedHeader: Bool) {
        if mode == .compileCommands, let flags = database[file] {
            return (flags + Self.commonFlags + extraFlags, [], false)
        }
        let root = Self.trimmed(treeRoot)
        // tools/ holds user-space programs (tools/virtio): the C library is theirs, the kernel's
        // own include/ is not, and __KERNEL__ is not defined.
        let userSpace = file.hasPrefix(root + "/tools/")
        let ceiling = userSpace ? root + "/tools" : root
        var directories = Self.includeDirectories(for: file, treeRoot: ceiling)
        if userSpace, FileManager.default.fileExists(atPath: root + "/include") {
            directories.append(root + "/include")  // last: only what tools/ does not provide itself
        }
        let includes = directories.flatMap { ["-I", $0] }
        if !userSpace, let sharedHeader, sharedHeader.directories == directories {
            let load = ["-include-pch", sharedHeader.path] + Self.allowHeaderWithErrors
            return (["-x", "c", "-std=gnu11", "-nostdinc"] + load + includes + Self.commonFlags + extraFlags, [], true)
        }
        let prelude = userSpace ? Self.prelude.replacingOccurrences(of: "#define __KERNEL__ 1\n", with: "") : Self.prelude
        let isolation = userSpace ? [] : ["-nostdinc"]
        let arguments = ["-x", "c", "-std=gnu11"] + isolation + ["-include", Self.preludePath] + includes + Self.commonFlags + extraFlags
        return (arguments, [(Self.preludePath, prelude)], false)
    }

    /// What the shared header is built from: the prelude and the core headers the tree has, with
    /// the include path of a kernel source at the tree's root. Nil outside tree-includes mode.
    struct SharedHeaderPlan {
        var source: String
        var arguments: [String]
        var directories: [String]
    }

    func sharedHeaderPlan(treeRoot: String, headers: [String]) -> SharedHeaderPlan? {
        guard mode == .treeIncludes, sharesKernelHeaders else { return nil }
        let root = Self.trimmed(treeRoot)
        let present = headers.filter { FileManager.default.fileExists(atPath: root + "/include/" + $0) }
        guard !present.isEmpty else { return nil }
        let directories = Self.includeDirectories(for: root + "/vringmigrate-shared.c", treeRoot: root)
        let source = Self.prelude + present.map { "#include <\($0)>\n" }.joined()
        let arguments = ["-x", "c-header", "-std=gnu11", "-nostdinc"] + directories.flatMap { ["-I", $0] }
            + Self.commonFlags + Self.allowHeaderWithErrors + extraFlags
        return SharedHeaderPlan(source: source, arguments: arguments, directories: directories)
    }

    private static let commonFlags = ["-w", "-ferror-limit=0", "-Wno-unknown-warning-option"]
    /// Kernel headers never parse cleanly outside a configured build (generated headers are
    /// missing); clang would otherwise refuse to write or load a header that had errors.
    private static let allowHeaderWithErrors = ["-Xclang", "-fallow-pch-with-compiler-errors"]

    private static func trimmed(_ root: String) -> String {
        root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// Nearest first: for each directory from the file's up to the root, its `include/` (and
    /// `include/uapi/`) when present, and the directory itself when it holds `linux/` or `asm/`
    /// (like tools/virtio); then the host architecture's include directories.
    static func includeDirectories(for file: String, treeRoot: String) -> [String] {
        let manager = FileManager.default
        var result: [String] = []
        func addIfDirectory(_ path: String) {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue, !result.contains(path) {
                result.append(path)
            }
        }
        var directory = (file as NSString).deletingLastPathComponent
        let root = trimmed(treeRoot)
        while directory.hasPrefix(root) {
            if manager.fileExists(atPath: directory + "/linux") || manager.fileExists(atPath: directory + "/asm") {
                addIfDirectory(directory)
            }
            addIfDirectory(directory + "/include")
            addIfDirectory(directory + "/include/uapi")
            if directory == root || directory.count <= 1 { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
        if !root.hasSuffix("/tools") {
            addIfDirectory(root + "/arch/x86/include")
            addIfDirectory(root + "/arch/x86/include/uapi")
        }
        return result
    }
}
