/// Makes cmark-gfm's HTML accessible and valid: stable ids on headings, `scope="col"` on table
/// header cells, `text-align` styles instead of the obsolete `align` attribute, each table in a
/// keyboard-scrollable region (so a wide table never makes the page scroll sideways), and a
/// label on each task-list checkbox. One pass over the UTF-8 bytes: this runs on every
/// document body of every build.
enum AccessibleHTML {
    static func fix(_ html: String, tree: MarkdownTree) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        let ids = headingIDs(tree.headings)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var heading = 0
        var task = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                output.append(bytes[index])
                index += 1
                continue
            }
            if heading < ids.count, let level = headingLevel(bytes, at: index) {
                output += Array("<h\(level) id=\"\(ids[heading])\">".utf8)
                heading += 1
                index += 4
            } else if starts(bytes, at: index, with: "<table>") {
                output += Array("<div class=\"gk-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表格，可左右滚动\"><table>".utf8)
                index += 7
            } else if starts(bytes, at: index, with: "</table>") {
                output += Array("</table></div>".utf8)
                index += 8
            } else if starts(bytes, at: index, with: "<th>") || starts(bytes, at: index, with: "<th ") {
                output += Array("<th scope=\"col\"".utf8)
                index += 3
                index = copyAlignment(bytes, from: index, into: &output)
            } else if starts(bytes, at: index, with: "<td ") {
                output += Array("<td".utf8)
                index += 3
                index = copyAlignment(bytes, from: index, into: &output)
            } else if task < tree.tasks.count, starts(bytes, at: index, with: "<input type=\"checkbox\"") {
                let label = escape(String(tree.tasks[task].trimmingSpaces))
                output += Array("<input type=\"checkbox\" aria-label=\"\(label)\"".utf8)
                task += 1
                index += 22
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `<h2>` at `index`: its level. Headings from cmark never carry attributes.
    static func headingLevel(_ bytes: [UInt8], at index: Int) -> Character? {
        guard index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"), bytes[index + 3] == UInt8(ascii: ">"),
            (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2])
        else { return nil }
        return Character(UnicodeScalar(bytes[index + 2]))
    }

    /// Copies the rest of a `<th`/`<td` tag, turning ` align="x"` into ` style="text-align: x"`.
    static func copyAlignment(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if starts(bytes, at: index, with: " align=\"") {
                index += 8
                var value: [UInt8] = []
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    value.append(bytes[index])
                    index += 1
                }
                output += Array(" style=\"text-align: ".utf8) + value + [UInt8(ascii: "\"")]
                index += 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return index
    }

    static func starts(_ bytes: [UInt8], at index: Int, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
            return true
        }
    }

    /// Ids made from heading texts: letters (Chinese included) and digits, hyphens between;
    /// repeated texts get -2, -3.
    static func headingIDs(_ headings: [String]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { text in
            var id = slug(text)
            if id.isEmpty { id = "section" }
            used[id, default: 0] += 1
            return used[id]! > 1 ? "\(id)-\(used[id]!)" : id
        }
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
