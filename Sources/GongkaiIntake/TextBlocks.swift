import Foundation
import GongkaiModel

/// Plain text (pasted from a web page or a PDF) as blocks: one paragraph per non-blank line.
/// A text with no line breaks at all (a web page collapsed to one line) is first cut where
/// paragraphs evidently begin: before numbering (一、 （一） 1. （1）), page furniture, dates of
/// signature, and at spaces between Chinese text.
public enum TextBlocks {
    public static func read(_ text: String) -> BlockDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [Block] = []
        var notes: [ImportNote] = []
        // Only a text that has (almost) lost its line breaks is cut: a long line among many
        // ordinary ones is just a long paragraph.
        let filled = lines.filter { !$0.allSatisfy(\.isWhitespace) }.count
        let collapsed = filled < 8 || filled * 400 < text.count
        for (index, raw) in lines.enumerated() {
            let line = String(raw)
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            if collapsed, line.count > 300, needsCutting(line) {
                let pieces = cut(line)
                if pieces.count > 1 {
                    notes.append(ImportNote(line: index + 1, message: "这一行很长（\(line.count) 字），看来是没有换行的网页文字，已按编号和段落标志分成 \(pieces.count) 段。"))
                }
                for piece in pieces { blocks.append(.paragraph(Paragraph(piece, line: index + 1))) }
            } else {
                blocks.append(.paragraph(Paragraph(line, line: index + 1)))
            }
        }
        return BlockDocument(blocks: blocks, notes: notes, unit: "行")
    }

    /// A long line holding numbered parts or several sentences is a collapsed page.
    static func needsCutting(_ line: String) -> Bool {
        line.contains("一、") || line.contains("（一）") || line.contains("(一)") || line.filter({ $0 == "。" }).count > 3
    }

    static let markers: [NSRegularExpression] = [
        // 一、 十二、 at a paragraph's start
        "(?<=[。；：！？”」）\\s])(?=[一二三四五六七八九十]{1,3}、)",
        // （一） (一) （1） (1)
        "(?<=[。；：！？”」）)\\s])(?=[（(][一二三四五六七八九十\\d]{1,3}[）)])",
        // a signature glued after the last sentence, before its date
        "(?<=[。）)])(?=[^。；，：\\s（）()]{4,30}?\\s?(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[〇○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日))",
        "(?<=[\\p{Han}）)])(?=[〇○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)",
        // 1. 1、 1．  followed by Chinese
        "(?<=[。；：！？”」）\\s])(?=\\d{1,3}[.．、]\\s?\\p{Han})",
        "(?<=[\\p{Han}&&[^第件至和、]])(?=\\d{1,3}[.．、]\\p{Han})",
        "(?<=\\p{Han})(?=\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s|$|[（(]))",
        // page furniture and the notice's parts
        "(?=当前位置[:：])", "(?=(?:发布|发文|成文)?时间[:：])", "(?=(?<!信息)来源[:：])", "(?=信息来源[:：])", "(?=访问量[:：]?)", "(?=浏览次数[:：])",
        "(?=字号[:：])", "(?=【?打印(?:本页)?】?\\s*【?关闭)", "(?=分享到[:：]?)", "(?=扫一扫)", "(?=相关解读)", "(?=-->)",
        "(?<=附件下载)", "(?=[（(]此件)", "(?<=主动公开[）)])",
        "(?=(?:牵头单位|责任单位|配合单位|完成时限)[:：])",
        // a date of signature followed by more text: 2023年3月6日 （此件…） or a title
        "(?<=\\d{4}年\\d{1,2}月\\d{1,2}日)(?=\\s)", "(?<=[〇一二三四五六七八九零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)",
        "(?<=[。！？])(?=附件\\d?[:：]?\\s)",
        // a space between Chinese text: what separated paragraphs before the line breaks went
        "(?<=[\\p{Han}。；：！？”」）])\\s+(?=[\\p{Han}“「（(])",
    ].map { try! NSRegularExpression(pattern: $0) }

    static func cut(_ line: String) -> [String] {
        let ns = line as NSString
        var cuts = Set<Int>()
        for marker in markers {
            for match in marker.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                cuts.insert(match.range.location)
                if match.range.length > 0 { cuts.insert(match.range.location + match.range.length) }
            }
        }
        var pieces: [String] = []
        var start = 0
        for cut in cuts.sorted() where cut > start && cut < ns.length {
            pieces.append(ns.substring(with: NSRange(location: start, length: cut - start)))
            start = cut
        }
        pieces.append(ns.substring(from: start))
        return sequential(pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Numbering glued to the text before it (`推进决策公开(一)完善…`) is cut only when it is the
    /// next number of its kind, so that 刑法修正案(十一) stays whole.
    static func sequential(_ pieces: [String]) -> [String] {
        var output: [String] = []
        var nextChinese = 1
        var nextArabic = 1
        var nextSection = 1
        for piece in pieces {
            var rest = piece
            // A plan's title glued to its preamble: 某县2024年政务公开重点任务为深入推进…
            if let match = rest.firstMatch(of: /^([^，。；：、\s]{4,40}?(?:要点|任务|方案|计划|清单|分解表|台账))(?=为|根据|按照|结合|以|20\d\d年)/),
                match.1.contains(/\d{4}年|年度/)
            {
                output.append(String(match.1))
                rest = String(rest[match.range.upperBound...])
            }
            var cutting = true
            while cutting {
                cutting = false
                switch LineKind.classify(rest) {
                case .item(let number, _, _): nextChinese = number + 1
                case .parenArabic(let number, _, _): nextArabic = number + 1
                case .section(let number, _, _):
                    nextArabic = 1
                    nextSection = number + 1
                default: break
                }
                let chinese = ChineseNumeral.text(nextChinese)
                for marker in ["（\(chinese)）", "(\(chinese))", "（\(nextArabic)）", "(\(nextArabic))", "\(ChineseNumeral.text(nextSection))、"] {
                    guard let range = rest.range(of: marker), range.lowerBound > rest.startIndex,
                        TextCleaner.isHan(rest[rest.index(before: range.lowerBound)]) || "。；：）)".contains(rest[rest.index(before: range.lowerBound)])
                    else { continue }
                    if marker.hasSuffix("、"), rest[rest.index(before: range.lowerBound)] == "第" { continue }
                    output.append(String(rest[..<range.lowerBound]))
                    rest = String(rest[range.lowerBound...])
                    cutting = true
                    break
                }
            }
            output.append(rest)
        }
        return output
    }
}
