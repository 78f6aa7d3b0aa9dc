/// A git-style unified diff of one modified file, byte for byte.
///
/// Lines are split after each `\n` and keep everything before it, so a CRLF line keeps its `\r`
/// and Latin-1 bytes pass through untouched: `git apply` and `patch -p1` reproduce the new bytes
/// exactly. Hunks carry 3 lines of context and merge when their contexts would touch (changes at
/// most `2 * context` lines apart), header counts follow xdiff (`-0,0` for an empty side, `,1`
/// omitted), and the text after `@@` is the nearest earlier line starting with a letter, `_` or
/// `$`, as git's default funcname rule picks it.
public enum UnifiedDiff {
    public static func render(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> [UInt8] {
        if old == new { return [] }
        let oldLines = splitLines(old)
        let newLines = splitLines(new)
        let changes = LineDiff.changes(old: oldLines, new: newLines)
        let groups = changeGroups(changes)
        var output = header(path: path)
        for hunk in hunks(groups, context: max(0, context), oldCount: oldLines.count) {
            output += hunkBytes(hunk, oldLines: oldLines, newLines: newLines)
        }
        return output
    }

    /// Splits after each `\n`; a last line without one is kept as it is.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// One run of deleted old lines and inserted new lines (xdiff's `xdchange`).
    struct ChangeGroup: Equatable {
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    struct Hunk: Equatable {
        var groups: [ChangeGroup]
        var oldStart: Int
        var oldEnd: Int
        var newStart: Int
        var newEnd: Int
    }

    static func changeGroups(_ changes: LineDiff.Changes) -> [ChangeGroup] {
        let oldChanged = changes.oldChanged
        let newChanged = changes.newChanged
        var groups: [ChangeGroup] = []
        var (i, j) = (0, 0)
        while i < oldChanged.count || j < newChanged.count {
            let deleting = i < oldChanged.count && oldChanged[i]
            let inserting = j < newChanged.count && newChanged[j]
            guard deleting || inserting else {
                i += 1
                j += 1
                continue
            }
            var group = ChangeGroup(oldStart: i, oldCount: 0, newStart: j, newCount: 0)
            while i < oldChanged.count && oldChanged[i] { i += 1; group.oldCount += 1 }
            while j < newChanged.count && newChanged[j] { j += 1; group.newCount += 1 }
            groups.append(group)
        }
        return groups
    }

    /// Groups changes into hunks: a change joins the current hunk when at most `2 * context`
    /// unchanged lines separate them, as xdiff's `xdl_get_hunk` decides.
    static func hunks(_ groups: [ChangeGroup], context: Int, oldCount: Int) -> [Hunk] {
        var result: [[ChangeGroup]] = []
        for group in groups {
            if let previous = result.last?.last,
               group.oldStart - (previous.oldStart + previous.oldCount) <= 2 * context {
                result[result.count - 1].append(group)
            } else {
                result.append([group])
            }
        }
        return result.map { members in
            let first = members[0]
            let last = members[members.count - 1]
            let oldStart = max(first.oldStart - context, 0)
            let oldEnd = min(last.oldStart + last.oldCount + context, oldCount)
            let newStart = first.newStart - (first.oldStart - oldStart)
            let newEnd = last.newStart + last.newCount + (oldEnd - last.oldStart - last.oldCount)
            return Hunk(groups: members, oldStart: oldStart, oldEnd: oldEnd, newStart: newStart, newEnd: newEnd)
        }
    }

    /// git quotes unusual names C-style and ends a name holding a space with a tab on the
    /// `---`/`+++` lines, so `patch` knows where it stops.
    private static func header(path: String) -> [UInt8] {
        let oldName = GitPathQuoting.quoted("a/" + path)
        let newName = GitPathQuoting.quoted("b/" + path)
        let tab = path.contains(" ") ? "\t" : ""
        return Array("diff --git \(oldName) \(newName)\n--- \(oldName)\(tab)\n+++ \(newName)\(tab)\n".utf8)
    }

    private static func hunkBytes(_ hunk: Hunk, oldLines: [ArraySlice<UInt8>], newLines: [ArraySlice<UInt8>]) -> [UInt8] {
        var output = Array(rangeHeader(hunk).utf8)
        if let function = functionLine(before: hunk.oldStart, in: oldLines) {
            output += [UInt8(ascii: " ")] + function
        }
        output.append(UInt8(ascii: "\n"))
        var oldIndex = hunk.oldStart
        for group in hunk.groups {
            for line in oldLines[oldIndex..<group.oldStart] { append(line, marker: " ", to: &output) }
            for line in oldLines[group.oldStart..<group.oldStart + group.oldCount] { append(line, marker: "-", to: &output) }
            for line in newLines[group.newStart..<group.newStart + group.newCount] { append(line, marker: "+", to: &output) }
            oldIndex = group.oldStart + group.oldCount
        }
        for line in oldLines[oldIndex..<hunk.oldEnd] { append(line, marker: " ", to: &output) }
        return output
    }

    /// `@@ -a,b +c,d @@`: a count of 1 is omitted, and an empty side names the line before it.
    static func rangeHeader(_ hunk: Hunk) -> String {
        func side(_ start: Int, _ end: Int) -> String {
            let count = end - start
            let first = count == 0 ? start : start + 1
            return count == 1 ? "\(first)" : "\(first),\(count)"
        }
        return "@@ -\(side(hunk.oldStart, hunk.oldEnd)) +\(side(hunk.newStart, hunk.newEnd)) @@"
    }

    private static func append(_ line: ArraySlice<UInt8>, marker: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(UInt8(ascii: marker))
        output += line
        if line.last != UInt8(ascii: "\n") {
            output += Array("\n\\ No newline at end of file\n".utf8)
        }
    }

    /// git's default funcname: the nearest line before the hunk that starts with a letter, `_` or
    /// `$`, cut to 80 bytes and stripped of trailing whitespace.
    static func functionLine(before index: Int, in lines: [ArraySlice<UInt8>]) -> [UInt8]? {
        var candidate = index - 1
        while candidate >= 0 {
            let line = lines[candidate]
            if let first = line.first, isFunctionStart(first) {
                var text = Array(line.prefix(80))
                while let last = text.last, [9, 10, 11, 12, 13, 32].contains(last) { text.removeLast() }
                return text
            }
            candidate -= 1
        }
        return nil
    }

    private static func isFunctionStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }
}
