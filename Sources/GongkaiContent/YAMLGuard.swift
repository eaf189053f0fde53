import GongkaiModel

/// Refuses, before any YAML parser sees the text, the two YAML features that let a few hundred
/// bytes become gigabytes or overflow the stack: anchors and aliases (`&a [...]`, `*a`; nested
/// they expand exponentially: the "billion laughs"), and nesting deeper than any content file
/// needs. Content files never need either, so they are refused rather than limited.
///
/// The scan follows YAML's token rules where an anchor, alias or collection can begin (after
/// indentation, `- `, `? `, `key: `, `[`, `{` and `,`), and skips what cannot hold one:
/// quoted scalars, comments and block scalars (`|`, `>`). It errs on the side of refusing: an
/// `&` or `*` that starts a continuation line of a long plain scalar is refused too, and the
/// message says to quote the value.
public enum YAMLGuard {
    /// Collections nested deeper than this are refused (content files use at most about 6).
    public static let maximumDepth = 64

    public enum Finding: Equatable, Sendable {
        case anchor(line: Int)
        case alias(line: Int)
        case tooDeep(line: Int)

        public var line: Int {
            switch self {
            case .anchor(let line), .alias(let line), .tooDeep(let line): return line
            }
        }
    }

    /// The first refused construct, with its 1-based line in `text`; nil when there is none.
    public static func check(_ text: String) -> Finding? {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.run()
    }

    /// The Chinese message for a finding.
    public static func message(_ finding: Finding) -> String {
        switch finding {
        case .anchor, .alias:
            return "这里用了 YAML 的锚点或引用（以 & 或 * 开头的“&名称”“*名称”）。内容文件中不允许使用锚点和引用："
                + "它们能让很短的文件展开成极大的数据，使生成卡住。请把内容直接写出来；如果文字本身以 & 或 * 开头，"
                + "请给整个值加上引号，如 标题: \"*重要* 通知\"。"
        case .tooDeep:
            return "这里的列表或键值嵌套超过了 \(maximumDepth) 层，内容文件不需要这么深的嵌套，可能是多写了 [ 或 {。请检查括号和缩进。"
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var flowDepth = 0
        /// Indentations of the open block collections.
        var indents: [Int] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        func byte(_ offset: Int = 0) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        static func isBlank(_ byte: UInt8?) -> Bool { byte == nil || byte == 32 || byte == 9 || byte == 10 || byte == 13 }

        mutating func run() -> Finding? {
            while index < bytes.count {
                if let finding = scanLine() { return finding }
            }
            return nil
        }

        /// Scans from the start of a line to the start of the next one.
        mutating func scanLine() -> Finding? {
            var indent = 0
            while byte() == 32 {
                indent += 1
                index += 1
            }
            if flowDepth == 0 {
                // Blank and comment lines do not close collections.
                if byte() == 10 || byte() == 13 || byte() == nil || byte() == UInt8(ascii: "#") {
                    skipToNextLine()
                    return nil
                }
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var nodeStart = true
            var dashes = 0
            while let current = byte(), current != 10 {
                if nodeStart {
                    if current == 32 || current == 9 || current == 13 {
                        index += 1
                        continue
                    }
                    switch current {
                    case UInt8(ascii: "&"): return .anchor(line: line)
                    case UInt8(ascii: "*"): return .alias(line: line)
                    case UInt8(ascii: "!"):
                        // A tag: skip it, a node follows.
                        while !Self.isBlank(byte()) { index += 1 }
                        continue
                    case UInt8(ascii: "-"), UInt8(ascii: "?"):
                        if Self.isBlank(byte(1)) {
                            index += 1
                            dashes += 1
                            if indents.count + dashes + flowDepth > maximumDepth { return .tooDeep(line: line) }
                            continue
                        }
                        nodeStart = false
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        skipQuoted(current)
                        nodeStart = false
                        continue
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        skipBlockScalar(parentIndent: indent)
                        return nil
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                        if indents.count + dashes + flowDepth > maximumDepth { return .tooDeep(line: line) }
                        index += 1
                        continue
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flowDepth = max(0, flowDepth - 1)
                        index += 1
                        nodeStart = false
                        continue
                    case UInt8(ascii: ","):
                        index += 1
                        continue
                    case UInt8(ascii: "#"):
                        skipToNextLine()
                        return nil
                    default:
                        nodeStart = false
                    }
                }
                // Inside a plain scalar or after a node: look for what starts the next one.
                switch current {
                case UInt8(ascii: ":"):
                    let next = byte(1)
                    if Self.isBlank(next)
                        || (flowDepth > 0
                            && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]")
                                || next == UInt8(ascii: "}") || next == UInt8(ascii: "[") || next == UInt8(ascii: "{")))
                    {
                        nodeStart = true
                    }
                case UInt8(ascii: "#"):
                    if index > 0, bytes[index - 1] == 32 || bytes[index - 1] == 9 {
                        skipToNextLine()
                        return nil
                    }
                case UInt8(ascii: ","):
                    if flowDepth > 0 { nodeStart = true }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if flowDepth > 0 {
                        flowDepth += 1
                        if indents.count + dashes + flowDepth > maximumDepth { return .tooDeep(line: line) }
                        nodeStart = true
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if flowDepth > 0 { flowDepth -= 1 }
                default:
                    break
                }
                index += 1
            }
            skipToNextLine()
            return nil
        }

        mutating func skipToNextLine() {
            while let current = byte(), current != 10 { index += 1 }
            if byte() == 10 {
                index += 1
                line += 1
            }
        }

        /// Skips a quoted scalar, which may span lines: `"…\"…"` or `'…''…'`.
        mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while let current = byte() {
                if current == 10 { line += 1 }
                if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                    if byte(1) == 10 { line += 1 }
                    index += 2
                    continue
                }
                if current == quote {
                    if quote == UInt8(ascii: "'"), byte(1) == quote {
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                index += 1
            }
        }

        /// Skips a block scalar's header line and every following line indented deeper than
        /// the line that opened it (or blank).
        mutating func skipBlockScalar(parentIndent: Int) {
            skipToNextLine()
            while index < bytes.count {
                var offset = 0
                while index + offset < bytes.count, bytes[index + offset] == 32 { offset += 1 }
                let end = index + offset >= bytes.count || bytes[index + offset] == 10 || bytes[index + offset] == 13
                guard end || offset > parentIndent else { return }
                skipToNextLine()
            }
        }
    }
}
