import CClang

/// Visits a cursor's children with a Swift closure. libclang takes a C function pointer, so the
/// closure travels through the client-data pointer in a box that lives for the call.
enum CursorVisitor {
    typealias Body = (_ cursor: CXCursor, _ parent: CXCursor) -> CXChildVisitResult

    private final class Box {
        let body: Body
        init(_ body: @escaping Body) { self.body = body }
    }

    static func visitChildren(of cursor: CXCursor, _ body: @escaping Body) {
        let box = Box(body)
        withExtendedLifetime(box) {
            let data = Unmanaged.passUnretained(box).toOpaque()
            _ = clang_visitChildren(cursor, { child, parent, data in
                guard let data else { return CXChildVisit_Break }
                return Unmanaged<Box>.fromOpaque(data).takeUnretainedValue().body(child, parent)
            }, data)
        }
    }
}

extension CXCursor {
    var kind: CXCursorKind { clang_getCursorKind(self) }
    var spelling: String { LibClang.take(clang_getCursorSpelling(self)) }
    var referenced: CXCursor { clang_getCursorReferenced(self) }
    var isNull: Bool { clang_Cursor_isNull(self) != 0 }
}
