/// A problem found in the input, addressed to an editor: where it is and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }

        /// The word an editor reads before the message.
        public var label: String {
            switch self {
            case .error: return "错误"
            case .warning: return "警告"
            }
        }
    }

    public let severity: Severity
    /// Path of the file, relative to the project (e.g. `content/site.yml`), or nil for the whole run.
    public let file: String?
    /// 1-based line number within the file, when one applies.
    public let line: Int?
    /// What is wrong and how to fix it, in Chinese.
    public let message: String
    /// The check that found it (`personal-data`, `stale-column`…), for grouping and for CI.
    public let rule: String?
    /// The inspection indicator the finding counts towards, when it is inspector material
    /// (an overdue plan item, a stale column) rather than a problem of one file.
    public let indicator: Indicator?

    public init(_ severity: Severity, file: String?, line: Int? = nil, _ message: String, rule: String? = nil, indicator: Indicator? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.rule = rule
        self.indicator = indicator
    }

    public static func error(_ file: String?, line: Int? = nil, _ message: String, rule: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, message, rule: rule)
    }

    public static func warning(_ file: String?, line: Int? = nil, _ message: String, rule: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message, rule: rule)
    }

    /// A finding of an inspection indicator: a warning an inspector counts.
    public static func indicator(_ indicator: Indicator, _ file: String?, line: Int? = nil, _ message: String, rule: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message, rule: rule, indicator: indicator)
    }

    /// `content/a.md:3: 错误：…` — the shape compilers use, so editors' tools can jump to the line.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        return "\(location)\(severity.label)：\(message)"
    }

    /// Stable order for reports: by file, line, then severity and text.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.file ?? "", $0.line ?? 0, $0.severity == .error ? 0 : 1, $0.message)
                < ($1.file ?? "", $1.line ?? 0, $1.severity == .error ? 0 : 1, $1.message)
        }
    }
}

/// Thrown when a stage found errors; carries every diagnostic of the stage, warnings included.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Diagnostic.ordered(diagnostics)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
