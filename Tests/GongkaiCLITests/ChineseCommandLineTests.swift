import Foundation
import GongkaiTestSupport
import Testing

/// Every help screen, usage line and argument error of the program is Chinese.
@Suite struct ChineseCommandLineTests {
    static let commands: [[String]] = [
        [], ["build"], ["check"], ["serve"], ["new"], ["new", "site"], ["new", "doc"], ["new", "faq"],
        ["new", "catalogue"], ["new", "report"], ["theme"], ["theme", "export"], ["theme", "diff"],
        ["import"], ["import", "plan"], ["版本"],
    ]

    /// Latin words a Chinese help screen may hold: names typed as they are (commands, option
    /// values, file names) and acronyms.
    static let allowed: Set<String> = [
        "gongkai", "Gongkai", "build", "check", "serve", "new", "site", "doc", "faq", "catalogue", "report",
        "theme", "export", "diff", "import", "plan", "help", "content", "templates", "layouts", "partials",
        "assets", "JSON", "CI", "UTF", "PDF", "Ctrl", "Tab", "Markdown", "md", "yml", "csv", "http", "id",
        "hunan", "shaoyang", "city", "zwgk", "base", "mustache", "document", "footer", "cd", "xxgk", "fdzdgknr",
        "zcwj", "tzgg", "txt", "localhost", "serve", "slug", "budget", "html",
        // File formats and programs named as editors see them, and an example id (gongkai import).
        "Word", "docx", "doc", "wps", "htm", "pdf", "GBK", "LibreOffice", "pingtan",
    ]

    /// The Latin words of a screen that are neither option names nor allowed.
    /// Option names, paths (`content/plans/`) and what the editor typed are not words of the screen.
    static func englishWords(_ text: String, typed: [String] = []) -> [String] {
        var text = text
        for word in typed { text = text.replacingOccurrences(of: word, with: " ") }
        text = text.replacingOccurrences(of: #"--?[A-Za-z][A-Za-z-]*"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[A-Za-z0-9_.*-]*/[A-Za-z0-9_./*-]*"#, with: " ", options: .regularExpression)
        let words = text.split { !($0.isASCII && $0.isLetter) }.map(String.init)
        return words.filter { $0.count > 1 && !allowed.contains($0) }
    }

    @Test(arguments: commands) func helpScreensHaveNoEnglish(_ command: [String]) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for form in [command + ["--help"], ["help"] + command] {
            let result = try folder.run(form)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(result.stdout.contains("用法："), "\(form): \(result.stdout)")
            let english = Self.englishWords(result.stdout + result.stderr)
            #expect(english.isEmpty, "\(form): \(english)\n\(result.stdout)")
        }
    }

    /// Terminal columns of a text: Chinese and full-width characters take two.
    static func columns(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    @Test func descriptionsLineUpAlsoAfterChineseNames() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let help = try folder.run(["--help"]).stdout
        let listed = help.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && $0.contains("   ") }
        #expect(listed.contains { $0.hasPrefix("  版本 ") } && listed.contains { $0.hasPrefix("  build（默认）") }, "\(help)")
        for line in listed {
            let label = try #require(line.range(of: #"^  \S.*?\S(?= {2,})"#, options: .regularExpression))
            let description = line[label.upperBound...].drop { $0 == " " }
            #expect(Self.columns(line[..<description.startIndex]) == 26, "\(line)")
        }
    }

    @Test func theRootHelpUsesChineseSectionHeaders() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let help = try folder.run(["--help"]).stdout
        for header in ["简介：", "用法：", "选项：", "子命令：", "显示帮助。", "显示版本。"] {
            #expect(help.contains(header), "\(header)")
        }
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "Show help", "default"] {
            #expect(!help.contains(english), "\(english)")
        }
    }

    @Test(arguments: [
        (["build", "--nonsense"], "未知选项 “--nonsense”"),
        (["build", "--ful"], "是不是要写 “--full”"),
        (["frobnicate"], "未知参数 “frobnicate”"),
        (["new", "doc"], "缺少参数 “<栏目路径>”"),
        (["serve", "--port", "abc"], "“abc” 不是 “--port <端口>” 的有效值"),
        (["build", "--output"], "选项 “--output <目录>” 后面缺少值"),
        (["build", "--as-of", "2024.13.1"], "--as-of 的日期"),
        (["new", "report", "12"], "年份“12”不对"),
    ]) func argumentErrorsAreChinese(_ arguments: [String], _ expected: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try folder.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("错误："), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.contains("用法："), "\(result.stderr)")
        let english = Self.englishWords(result.stderr, typed: arguments)
        #expect(english.isEmpty, "\(english)\n\(result.stderr)")
    }

    @Test func versionIsPrintedBothWays() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let flag = try folder.run(["--version"])
        let word = try folder.run(["版本"])
        #expect(flag.status == 0 && word.status == 0)
        let version = flag.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(version)")
        #expect(word.stdout == "gongkai \(version)\n")
    }
}
