import Foundation

/// swift-argument-parser writes its help screens and argument errors with English frames
/// (OVERVIEW, USAGE, "Show help information.", "Unknown option …"); the option and command
/// texts are ours and already Chinese. This puts the frames into Chinese, whatever options a
/// command has, so a new option needs no change here.
enum ChineseHelp {
    /// Pattern → replacement (`$1`… for the captured parts), applied in order.
    private static let rules: [(String, String)] = [
        // Section headers and the lines ArgumentParser adds to every screen.
        (#"(?m)^OVERVIEW: ?"#, "简介："),
        (#"(?m)^USAGE: "#, "用法："),
        (#"(?m)^Usage: "#, "用法："),
        (#"(?m)^ARGUMENTS:$"#, "参数："),
        (#"(?m)^OPTIONS:$"#, "选项："),
        (#"(?m)^SUBCOMMANDS:$"#, "子命令："),
        (#"(?m)^([A-Z][A-Z ]+):$"#, "$1："),
        (#"Show help information\."#, "显示帮助。"),
        (#"Show subcommand help information\."#, "显示某个子命令的帮助。"),
        (#"Show the version\."#, "显示版本。"),
        (#"See '([^']*) <subcommand>' for detailed help\."#, "运行 “$1 <子命令>” 查看子命令的详细说明。"),
        (#"See '([^']*)' for more information\."#, "运行 “$1” 查看完整说明。"),
        (#"<subcommand>"#, "<子命令>"),
        (#" ?\(values: ([^;)]*); default: ([^)]*)\)"#, "（可选：$1；默认：$2）"),
        (#" ?\(values: ([^)]*)\)"#, "（可选：$1）"),
        (#" ?\(default as flag: ([^)]*)\)"#, "（只写选项时：$1）"),
        (#" ?\(default: ([^)]*)\)"#, "（默认：$1）"),
        (#" \(default\)"#, "（默认）"),
        (#"(?m)^Help:  "#, "帮助："),
        // Argument errors.
        (#"(?m)^Error: "#, "错误："),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "未知选项 “$1”。是不是要写 “$2”？"),
        (#"Unknown option '([^']*)'"#, "未知选项 “$1”。"),
        (#"Unexpected argument '([^']*)'"#, "未知参数 “$1”。"),
        (#"(\d+) unexpected arguments: '(.*)'"#, "$1 个未知参数：“$2”。"),
        (#"Missing expected argument '([^']*)'"#, "缺少参数 “$1”。"),
        (#"Missing one of: '(.*)'"#, "缺少以下参数之一：“$1”。"),
        (#"Missing value for '([^']*)'"#, "选项 “$1” 后面缺少值。"),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "选项 “$1” 不带值，却写了 “$2”。"),
        (#"The value '([^']*)' is invalid for '([^']*)'(?:: )?"#, "“$1” 不是 “$2” 的有效值。"),
        (#"The value '([^']*)' is invalid\.?"#, "“$1” 不是有效的值。"),
        (#"Missing required subcommand\."#, "缺少子命令。"),
        (#"Invalid option: (\S*)"#, "无效的选项：$1。"),
        (#"Value to be set with (.*) had already been set with (.*)"#, "$1 与 $2 重复设置了同一个值，请只写一个。"),
        (#"Please provide a valid value\."#, "请写一个有效的值。"),
        (#"flag '([^']*)'"#, "选项 “$1”"),
        (#"'([^']*)' in '([^']*)'"#, "“$2” 中的 “$1”"),
        (#"Unspecified version"#, "未知版本"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.map { pattern, template in
        (try! NSRegularExpression(pattern: pattern), template)
    }

    static func translate(_ text: String) -> String {
        var result = text
        for (regex, template) in compiled {
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        // An error line ArgumentParser phrased in a way not listed above: say it in Chinese
        // rather than show English.
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("错误："), line.range(of: #"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}"#, options: .regularExpression) != nil else {
                return String(line)
            }
            return "错误：命令行参数有误，请对照下面的用法检查。"
        }
        return lines.map(realigned).joined(separator: "\n")
    }

    /// Where ArgumentParser starts the description of an option or subcommand (2 spaces of
    /// indent and a 24-column label).
    static let descriptionColumn = 26

    /// A listing line (`  版本    显示版本。`) with its description at `descriptionColumn` by display
    /// width: ArgumentParser pads by characters, and a Chinese character is two columns wide.
    static func realigned(_ line: String) -> String {
        guard line.hasPrefix("  "), line.dropFirst(2).first.map({ $0 != " " }) == true,
            let gap = line.range(of: #"\S {2,}\S"#, options: .regularExpression)
        else { return line }
        let label = String(line[..<line.index(after: gap.lowerBound)])
        let description = String(line[line.index(before: gap.upperBound)...])
        let padded = line.distance(from: line.startIndex, to: line.index(before: gap.upperBound))
        guard (descriptionColumn - 6...descriptionColumn + 6).contains(padded) else { return line }
        let width = displayWidth(label)
        guard width + 2 <= descriptionColumn else { return line }
        return label + String(repeating: " ", count: descriptionColumn - width) + description
    }

    /// Columns a text takes in a terminal: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in width + (wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1) }
    }

    /// East Asian wide and full-width code points.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    ]
}
