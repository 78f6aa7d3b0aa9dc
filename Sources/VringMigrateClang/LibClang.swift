import CClang

/// The one place that turns libclang's C values into Swift ones.
enum LibClang {
    /// Takes ownership of a CXString: copies it out and disposes it.
    static func take(_ string: CXString) -> String {
        defer { clang_disposeString(string) }
        guard let pointer = clang_getCString(string) else { return "" }
        return String(cString: pointer)
    }

    /// A file's real path, or the name the parse used when it has none (unsaved files).
    static func path(of file: CXFile) -> String {
        let real = take(clang_File_tryGetRealPathName(file))
        return real.isEmpty ? take(clang_getFileName(file)) : real
    }

    /// "Debian clang version 14.0.6" or whatever library the loader actually picked.
    static var version: String { take(clang_getClangVersion()) }
}

/// The linked libclang is not the one the project was built for.
public struct WrongLibClang: Error, CustomStringConvertible {
    public let found: String
    public var description: String {
        "vringmigrate needs Debian's libclang 14 (libclang-14.so.1); the loaded library says \"\(found)\""
    }
}

public enum ClangLibrary {
    /// The version string of the libclang that is actually loaded.
    public static var version: String { LibClang.version }

    /// Refuses to run on any libclang but 14: a different one would parse kernel code with other
    /// rules and its results could not be compared with the golden files.
    public static func requireVersion14() throws {
        let found = LibClang.version
        guard found.contains("version 14.") else { throw WrongLibClang(found: found) }
    }
}
