import Foundation
import GongkaiModel

/// Tables of a PDF rebuilt from the word boxes poppler gives (`pdftotext -bbox-layout`): a
/// 任务分解表 printed to PDF loses its cell boundaries in `-layout` text as soon as a cell wraps
/// over several lines. Columns are found from the header cells and the vertical gutters between
/// the words below them; rows from the 序号 column, each row ending at the widest horizontal gap
/// between two numbers; the lines of a cell are joined again.
enum PDFLayout {
    struct Word {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        var center: Double { (yMin + yMax) / 2 }
    }

    /// A line as a reader sees it: words whose vertical centers agree, left to right.
    struct Line {
        var words: [Word]
        var center: Double
        var xMin: Double { words.map(\.xMin).min() ?? 0 }
        var xMax: Double { words.map(\.xMax).max() ?? 0 }

        /// The words joined, with a space where the gap between two words is wide.
        func text(fontSize: Double) -> String {
            var text = ""
            var previous: Word?
            for word in words {
                if let previous, word.xMin - previous.xMax > fontSize * 0.6 { text += " " }
                text += word.text
                previous = word
            }
            return text
        }
    }

    /// What a page holds, top to bottom: text lines and the tables rebuilt among them.
    enum Piece {
        case text(String)
        case table(Table)
    }

    /// The pages of `pdftotext -bbox-layout` output, each a list of words.
    static func pages(_ xhtml: String) -> [[Word]] {
        var pages: [[Word]] = []
        for page in xhtml.components(separatedBy: "<page ").dropFirst() {
            var words: [Word] = []
            for match in page.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/) {
                guard let x0 = Double(match.1), let y0 = Double(match.2), let x1 = Double(match.3), let y1 = Double(match.4),
                    x1 >= x0, y1 >= y0, x1.isFinite, y1.isFinite
                else { continue }
                let text = entities(String(match.5))
                if !text.isEmpty { words.append(Word(text: text, xMin: x0, yMin: y0, xMax: x1, yMax: y1)) }
                if words.count > 200_000 { break }
            }
            pages.append(words)
        }
        return pages
    }

    static func entities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        while let match = result.firstMatch(of: /&#(x?)([0-9A-Fa-f]{1,6});/) {
            let value = UInt32(match.2, radix: match.1.isEmpty ? 10 : 16).flatMap(UnicodeScalar.init).map { String(Character($0)) } ?? ""
            result.replaceSubrange(match.range, with: value)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The size of the text: the median width of one Chinese character.
    static func fontSize(_ words: [Word]) -> Double {
        let widths = words.compactMap { word -> Double? in
            let count = word.text.count
            guard count > 0, word.text.unicodeScalars.allSatisfy({ $0.value >= 0x3400 }) else { return nil }
            return (word.xMax - word.xMin) / Double(count)
        }.sorted()
        return widths.isEmpty ? 10 : max(2, widths[widths.count / 2])
    }

    static func lines(_ words: [Word], fontSize: Double) -> [Line] {
        var lines: [Line] = []
        for word in words.sorted(by: { $0.center < $1.center }) {
            if let last = lines.indices.last, abs(lines[last].center - word.center) <= fontSize * 0.45 {
                lines[last].words.append(word)
            } else {
                lines.append(Line(words: [word], center: word.center))
            }
        }
        return lines.map { line in
            var line = line
            line.words.sort { $0.xMin < $1.xMin }
            return line
        }
    }

    /// A page as text lines and tables; nil when the page holds no task table with a 序号 column.
    static func pieces(_ words: [Word]) -> [Piece]? {
        guard !words.isEmpty, words.count <= 50_000 else { return nil }
        let size = fontSize(words)
        let lines = lines(words, fontSize: size)
        var pieces: [Piece] = []
        var index = 0
        var found = false
        while index < lines.count {
            if let (table, end) = table(lines, header: index, fontSize: size) {
                pieces.append(.table(table))
                index = end
                found = true
                continue
            }
            pieces.append(.text(lines[index].text(fontSize: size)))
            index += 1
        }
        return found ? pieces : nil
    }

    static let headerWords = ["任务", "措施", "要求", "内容", "牵头", "责任", "配合", "时限", "时间", "序"]

    /// A table whose header is on line `header`: the table and the index of the first line after it.
    static func table(_ lines: [Line], header: Int, fontSize: Double) -> (Table, Int)? {
        let keyLine = lines[header]
        let keyText = keyLine.text(fontSize: fontSize)
        guard keyLine.words.count >= 3, headerWords.filter({ keyText.contains($0) }).count >= 2 else { return nil }
        // The header band: lines close above and below the key line (a header cell may wrap).
        var bandStart = header
        while bandStart > 0, keyLine.center - lines[bandStart - 1].center <= fontSize * 1.2 { bandStart -= 1 }
        // Header cells: the key line's words, widened by the band's words above and below them.
        var cells = keyLine.words.map { (xMin: $0.xMin, xMax: $0.xMax) }
        for line in lines[bandStart...min(lines.count - 1, header + 2)] where abs(line.center - keyLine.center) <= fontSize * 1.2 {
            for word in line.words {
                if let index = cells.firstIndex(where: { word.xMax > $0.xMin && word.xMin < $0.xMax }) {
                    cells[index] = (min(cells[index].xMin, word.xMin), max(cells[index].xMax, word.xMax))
                } else {
                    cells.append((word.xMin, word.xMax))
                }
            }
        }
        cells.sort { $0.xMin < $1.xMin }
        guard cells.count >= 3, cells.count <= 12 else { return nil }
        // Lines below, while they stay close together and no word runs across two header
        // cells (a paragraph after the table does).
        func crosses(_ line: Line) -> Bool {
            line.words.contains { word in zip(cells, cells.dropFirst()).contains { word.xMin < $0.0.xMax && word.xMax > $0.1.xMin } }
        }
        var end = header + 1
        while end < lines.count, lines[end].center - lines[end - 1].center <= fontSize * 2.6, !crosses(lines[end]) { end += 1 }
        guard end - header >= 2 else { return nil }
        let region = Array(lines[bandStart..<end])
        let all = region.flatMap(\.words)
        // Column boundaries: the widest x-gap no word covers between two header cells.
        var covered = all.map { ($0.xMin, $0.xMax) }.sorted { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for span in covered {
            if let last = merged.last, span.0 <= last.1 + 0.5 { merged[merged.count - 1].1 = max(last.1, span.1) } else { merged.append(span) }
        }
        covered = merged
        let gaps = zip(covered, covered.dropFirst()).map { ($0.0.1, $0.1.0) }.filter { $0.1 - $0.0 > 0.5 }
        var boundaries: [Double] = []
        for pair in zip(cells, cells.dropFirst()) {
            let between = gaps.filter { $0.0 >= pair.0.xMax - 0.5 && $0.1 <= pair.1.xMin + 0.5 }
            guard let best = between.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }) else { return nil }
            boundaries.append((best.0 + best.1) / 2)
        }
        func column(_ word: Word) -> Int {
            let middle = (word.xMin + word.xMax) / 2
            return boundaries.firstIndex { middle < $0 } ?? boundaries.count
        }
        let width = boundaries.count + 1
        // The header row's text per column, and the roles a task table needs.
        let headerWords = lines[bandStart..<end].filter { abs($0.center - keyLine.center) <= fontSize * 1.2 }.flatMap(\.words)
        var headerTexts = Array(repeating: "", count: width)
        for line in lines[bandStart..<end] where abs(line.center - keyLine.center) <= fontSize * 1.2 {
            for word in line.words { headerTexts[column(word)] += word.text }
        }
        guard let roles = TaskTable.roles(headerTexts), let numberColumn = roles.firstIndex(of: .number) else { return nil }
        let headerBottom = headerWords.map(\.center).max() ?? keyLine.center
        // Rows: one per number of the 序号 column below the header.
        let body = lines[(header + 1)..<end].filter { $0.center > headerBottom + fontSize * 0.2 }
        let anchors = body.filter { line in
            let inColumn = line.words.filter { column($0) == numberColumn }
            return !inColumn.isEmpty && inColumn.map(\.text).joined().allSatisfy(\.isNumber)
        }.map(\.center)
        guard anchors.count >= 1 else { return nil }
        // Tight vertical extents of every body line, for the gaps between rows.
        let extents = body.map { ($0.center - fontSize * 0.45, $0.center + fontSize * 0.45) }
        func widestGap(from low: Double, to high: Double) -> Double? {
            var free: [(Double, Double)] = []
            var cursor = low
            for extent in extents.sorted(by: { $0.0 < $1.0 }) where extent.1 > low && extent.0 < high {
                if extent.0 > cursor { free.append((cursor, extent.0)) }
                cursor = max(cursor, extent.1)
            }
            if high > cursor { free.append((cursor, high)) }
            guard let widest = free.map({ $0.1 - $0.0 }).max() else { return nil }
            // Gaps nearly as wide as the widest: the last one (rows written from the top).
            return free.last { $0.1 - $0.0 >= widest * 0.8 }.map { ($0.0 + $0.1) / 2 }
        }
        var tops = [headerBottom + fontSize * 0.2]
        for (upper, lower) in zip(anchors, anchors.dropFirst()) {
            guard let gap = widestGap(from: upper, to: lower) else { return nil }
            tops.append(gap)
        }
        let bottom = (body.last?.center ?? headerBottom) + fontSize
        var rows: [[TableCell]] = [headerTexts.map { TableCell($0) }]
        for (row, top) in tops.enumerated() {
            let limit = row + 1 < tops.count ? tops[row + 1] : bottom
            var texts = Array(repeating: "", count: width)
            for line in body where line.center >= top && line.center < limit {
                for word in line.words { texts[column(word)] += word.text }
            }
            rows.append(texts.map { TableCell($0) })
        }
        return (Table(rows: rows, line: 0), end)
    }
}
