import Foundation

/// Markup that could run code in a reader's browser: `<script>`, event-handler attributes
/// (`onclick=`…) and `javascript:` URLs. Gongkai never outputs raw HTML from content, but such
/// text in a document means something was pasted that should not be there.
public enum UnsafeMarkup {
    public struct Finding: Sendable, Equatable {
        public let what: String
        /// 0-based line within the scanned text.
        public let line: Int
    }

    nonisolated(unsafe) static let patterns: [(NSRegularExpression, String)] = [
        (try! NSRegularExpression(pattern: "<\\s*script\\b", options: .caseInsensitive), "<script> 标签"),
        (try! NSRegularExpression(pattern: "<[a-z][^>]*\\son[a-z]+\\s*=", options: .caseInsensitive), "事件属性（如 onclick=）"),
        (try! NSRegularExpression(pattern: "javascript\\s*:", options: .caseInsensitive), "javascript: 链接"),
    ]

    public static func find(in text: String) -> [Finding] {
        let ns = text as NSString
        var findings: [Finding] = []
        for (pattern, what) in patterns {
            for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let line = ns.substring(to: match.range.location).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                findings.append(Finding(what: what, line: line))
            }
        }
        return findings.sorted { $0.line < $1.line }
    }
}
