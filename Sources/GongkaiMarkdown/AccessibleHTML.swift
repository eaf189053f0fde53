/// Makes cmark-gfm's HTML accessible and valid: stable ids on headings, `scope="col"` on table
/// header cells, `text-align` styles instead of the obsolete `align` attribute, each table in a
/// keyboard-scrollable region (so a wide table never makes the page scroll sideways), and a
/// label on each task-list checkbox.
enum AccessibleHTML {
    static func fix(_ html: String, tree: MarkdownTree) -> String {
        var output = html
        if !tree.headings.isEmpty { output = addHeadingIDs(output, headings: tree.headings) }
        if output.contains("<table>") {
            // "<th " first: once "<th>" has become "<th scope=…>" it would match again.
            output = output.replacingOccurrences(of: "<th ", with: "<th scope=\"col\" ")
                .replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
            for alignment in ["left", "center", "right"] {
                output = output.replacingOccurrences(of: " align=\"\(alignment)\"", with: " style=\"text-align: \(alignment)\"")
            }
            output = output.replacingOccurrences(of: "<table>", with: "<div class=\"gk-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表格，可左右滚动\"><table>")
                .replacingOccurrences(of: "</table>", with: "</table></div>")
        }
        if !tree.tasks.isEmpty { output = labelCheckboxes(output, labels: tree.tasks) }
        return output
    }

    /// `<h2>` … in document order get `id`s made from their text; repeated texts get -2, -3.
    static func addHeadingIDs(_ html: String, headings: [String]) -> String {
        var used: [String: Int] = [:]
        let ids = headings.map { text -> String in
            var id = slug(text)
            if id.isEmpty { id = "section" }
            used[id, default: 0] += 1
            return used[id]! > 1 ? "\(id)-\(used[id]!)" : id
        }
        var output = ""
        var rest = Substring(html)
        var index = 0
        while index < ids.count, let range = rest.range(of: "<h"), let level = rest[range.upperBound...].first,
              ("1"..."6").contains(level) {
            let afterLevel = rest.index(after: range.upperBound)
            guard afterLevel < rest.endIndex, rest[afterLevel] == ">" else {
                output += rest[..<afterLevel]
                rest = rest[afterLevel...]
                continue
            }
            output += rest[..<range.lowerBound] + "<h\(level) id=\"\(ids[index])\">"
            rest = rest[rest.index(after: afterLevel)...]
            index += 1
        }
        return output + rest
    }

    /// Letters (Chinese included) and digits kept, everything else a single hyphen.
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

    static func labelCheckboxes(_ html: String, labels: [String]) -> String {
        var output = ""
        var rest = Substring(html)
        var index = 0
        while index < labels.count, let range = rest.range(of: "<input type=\"checkbox\"") {
            output += rest[..<range.lowerBound] + "<input type=\"checkbox\" aria-label=\"\(escape(String(labels[index].trimmingSpaces)))\""
            rest = rest[range.upperBound...]
            index += 1
        }
        return output + rest
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
