import CClang
import Foundation

/// A precompiled header of a kernel tree's core headers, built once per scan and loaded by every
/// kernel source the scan parses.
///
/// Why: a kernel source spends 80 to 90% of its parse in the same few hundred headers that
/// `module.h`, `slab.h` and `device.h` pull in. Parsed once, with their function bodies skipped,
/// and loaded lazily by each parse, they cut virtio_ring.c from about 170 ms to 25 ms.
///
/// Why it is safe:
/// - Only headers that spell no watched name may be inside: the inclusion list is checked after
///   the build and the header is dropped when a file of interest is in it (that file's facts
///   would come from a parse whose bodies were skipped and whose declarations are not visited).
/// - Only sources whose include path is exactly the header's load it (not tools/, not a
///   directory with its own include/).
/// - Loading it is as if the source began with those `#include`s, which kernel headers allow:
///   each is self-contained and guarded, so the source's own `#include` of them is skipped.
/// - A parse that reports the header unusable is parsed again without it.
final class SharedHeader: @unchecked Sendable {
    /// The core headers, in include order; those the tree lacks are left out.
    static let coreHeaders = [
        "linux/kernel.h", "linux/module.h", "linux/slab.h", "linux/device.h", "linux/dma-mapping.h",
        "linux/platform_device.h", "linux/interrupt.h", "linux/mm.h", "linux/uaccess.h",
        "linux/spinlock.h", "linux/mutex.h", "linux/err.h", "linux/export.h",
    ]
    static let sourcePath = "/vringmigrate-builtin/shared-headers.h"

    let path: String
    /// The include directories it was built with; a source must have exactly these to load it.
    let directories: [String]
    /// What to release with the header: an open descriptor of the already deleted file, or the
    /// folder the file is still in.
    private let descriptor: Int32?
    private let folder: String?

    /// `folder` is removed with the header.
    init(path: String, directories: [String], folder: String) {
        self.path = path
        self.directories = directories
        self.folder = folder
        descriptor = nil
    }

    private init(directories: [String], openDeletedFile descriptor: Int32) {
        path = "/proc/self/fd/\(descriptor)"
        self.directories = directories
        self.descriptor = descriptor
        folder = nil
    }

    deinit {
        if let descriptor { close(descriptor) }
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Builds the header a plan describes (`ParseSettings.sharedHeaderPlan`), or nil when the
    /// build fails or a file of interest would end up inside.
    static func build(_ plan: ParseSettings.SharedHeaderPlan, interest: InterestCache) -> SharedHeader? {
        guard let folder = makeTemporaryFolder() else { return nil }
        let output = folder + "/shared-headers.pch"
        guard parseAndSave(plan, to: output, interest: interest) else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        // Deleted at once and loaded through the open descriptor, so a scan stopped by Ctrl-C
        // or a kill leaves nothing in the temporary folder. Without /proc the folder stays
        // until the header is released.
        let descriptor = open(output, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, FileManager.default.fileExists(atPath: "/proc/self/fd/\(descriptor)") else {
            if descriptor >= 0 { close(descriptor) }
            return SharedHeader(path: output, directories: plan.directories, folder: folder)
        }
        try? FileManager.default.removeItem(atPath: folder)
        return SharedHeader(directories: plan.directories, openDeletedFile: descriptor)
    }

    private static func parseAndSave(_ plan: ParseSettings.SharedHeaderPlan, to output: String, interest: InterestCache) -> Bool {
        guard let index = clang_createIndex(0, 0) else { return false }
        defer { clang_disposeIndex(index) }
        // The preprocessing record is kept: without the definitions in it, a source's expansions
        // of the header's macros (EXPORT_SYMBOL_GPL) would not be recorded at all.
        let options = CXTranslationUnit_SkipFunctionBodies.rawValue | CXTranslationUnit_KeepGoing.rawValue
            | CXTranslationUnit_DetailedPreprocessingRecord.rawValue
        let (_, parsed) = TranslationUnitParser.parseUnit(
            index, path: sourcePath, arguments: plan.arguments, unsaved: [(sourcePath, plan.source)], options: options)
        guard let unit = parsed else { return false }
        defer { clang_disposeTranslationUnit(unit) }
        guard !includesFileOfInterest(unit, interest: interest) else { return false }
        return clang_saveTranslationUnit(unit, output, clang_defaultSaveOptions(unit)) == CXSaveError_None.rawValue
    }

    private static func includesFileOfInterest(_ unit: CXTranslationUnit, interest: InterestCache) -> Bool {
        final class Paths { var all: [String] = [] }
        let paths = Paths()
        withExtendedLifetime(paths) {
            clang_getInclusions(unit, { file, _, _, data in
                guard let file, let data else { return }
                Unmanaged<Paths>.fromOpaque(data).takeUnretainedValue().all.append(LibClang.path(of: file))
            }, Unmanaged.passUnretained(paths).toOpaque())
        }
        return paths.all.contains { interest.contains($0) }
    }

    private static func makeTemporaryFolder() -> String? {
        var template = Array((NSTemporaryDirectory() + "/vringmigrate-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
    }
}
