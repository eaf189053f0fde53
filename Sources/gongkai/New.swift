import ArgumentParser
import Foundation
import GongkaiContent
import GongkaiModel

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建：一个网站，或网站中的一篇文件、一条常见问题、一份公开目录、一份年度报告。",
        subcommands: [NewSite.self, NewDoc.self, NewFAQ.self, NewCatalogue.self, NewReport.self])
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "新建一个网站：网站配置、政府信息公开的标准栏目、待完善的公开指南和公开制度样稿、一篇示例文件、发布用的 CI 配置和编辑说明。",
        discussion: """
            例如：
              gongkai new site 某某县 --name 某某县人民政府
              cd 某某县
              gongkai build
            目标文件夹必须不存在或是空的，已有的文件不会被改动。
            """)

    @Argument(help: ArgumentHelp("新网站的文件夹（不存在或为空）。", valueName: "目录"))
    var directory: String

    @Option(help: ArgumentHelp("网站名称，通常是主办机关的名称，例如 某某县人民政府。", valueName: "名称"))
    var name = "某某县人民政府"

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let display = ProjectOptions.display(directory)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DiagnosticError([.error(display, "已有一个同名的文件。请换一个文件夹名。")])
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
            if !entries.isEmpty {
                throw DiagnosticError([
                    .error(
                        display,
                        "文件夹不是空的（有 \(entries.count) 项，例如 \(entries.sorted()[0])），没有写入任何文件。请换一个新的文件夹名，或先把其中的文件移走。")
                ])
            }
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: { "\"'\n:：#".contains($0) }) else {
            throw ValidationError("--name 的网站名称不能为空，也不能含有引号、冒号或 #，例如 --name 某某县人民政府。")
        }
        let files = SiteScaffold(name: trimmed, today: ProjectOptions.todayInBeijing()).files
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        print("已新建网站 \(display)/（\(files.count) 个文件）。接下来：")
        print("  cd \(display)")
        print("  gongkai serve      # 在本机预览，打开 http://127.0.0.1:8000/")
        print("然后按 README.md 修改 content/site.yml 中的网址、网站标识码和备案号，改写标有“【待完善】”的公开指南和公开制度。")
    }
}

/// Options shared by the `new` commands that add a file to a site.
struct NewFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("内容目录。", valueName: "目录"))
    var content = "content"

    @Option(help: ArgumentHelp("文件名（不含扩展名，用拼音或英文），也是网址的一部分；默认按今天的日期编号。", valueName: "名称"))
    var slug: String?

    var contentURL: URL { URL(fileURLWithPath: content) }
    var display: String { ProjectOptions.display(content) }

    func identity() throws -> SiteIdentity {
        try ContentLoader(directory: contentURL, display: display).identity()
    }

    /// `folder/slug.ext`, checked and not yet taken: the given slug or today's date with a number.
    func newPath(in folder: String, ext: String, today: CalendarDate) throws -> String {
        if let slug {
            guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
                throw ValidationError("--slug 只能由小写英文字母、数字和连字符组成，例如 2024-budget。")
            }
            let path = "\(folder)/\(slug).\(ext)"
            if FileManager.default.fileExists(atPath: contentURL.appendingPathComponent(path).path) {
                throw DiagnosticError([.error("\(display)/\(path)", "文件已存在，没有改动。请换一个 --slug。")])
            }
            return path
        }
        let stem = today.iso.replacingOccurrences(of: "-", with: "")
        var number = 1
        while FileManager.default.fileExists(atPath: contentURL.appendingPathComponent("\(folder)/\(stem)-\(number).\(ext)").path) {
            number += 1
        }
        return "\(folder)/\(stem)-\(number).\(ext)"
    }

    func write(_ path: String, _ text: String) throws {
        let url = contentURL.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print("\(display)/\(path)")
    }
}

/// A front matter value as an editor would write it: quoted only when YAML needs it.
func yamlValue(_ text: String) -> String {
    let plain =
        !text.isEmpty && !text.contains(where: { ":#\"'[]{},&*!|>%@`\n".contains($0) })
        && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
    if plain { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

struct NewDoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "在一个栏目中新建一篇文件：文件开头已填好标题、发文机关（网站名称）、成文日期和发布日期（今天），并打印它的路径。",
        discussion: """
            例如：gongkai new doc xxgk/fdzdgknr/tzgg 关于某某事项的通知
            栏目路径见 content/site.yml（上下级路径用 / 连接）。
            """)

    @Argument(help: ArgumentHelp("栏目路径，例如 xxgk/fdzdgknr/zcwj。", valueName: "栏目路径"))
    var column: String

    @Argument(help: ArgumentHelp("文件标题。", valueName: "标题"))
    var title: String

    @OptionGroup var options: NewFileOptions

    func run() throws {
        let identity = try options.identity()
        let columns = try ContentLoader(directory: options.contentURL, display: options.display).columns()
        let path = column.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let found = columns.first(where: { $0.path == path }) else {
            throw DiagnosticError([
                .error(
                    "\(options.display)/site.yml",
                    "没有路径为“\(column)”的栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。")
            ])
        }
        let today = ProjectOptions.todayInBeijing()
        let file = try options.newPath(in: found.path, ext: "md", today: today)
        let text = """
            ---
            标题: \(yamlValue(title))
            发文机关: \(yamlValue(identity.name))
            # 文号: 某政发〔\(today.year)〕1号
            成文日期: \(today.iso)
            发布日期: \(today.iso)
            # 主题分类: 综合政务\\政务公开
            # 文件类型: 通知
            # 有效性: 现行有效
            ---
            在这里写正文。

            """
        try options.write(file, text)
    }
}

struct NewFAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "新建一条常见问题（content/faq/），答复日期为今天，答复单位为网站名称，并打印它的路径。")

    @Argument(help: ArgumentHelp("问题。", valueName: "问题"))
    var question: String

    @Option(help: ArgumentHelp("主题，同一主题的问题列在一个页面上。", valueName: "主题"))
    var topic = "政府信息公开"

    @OptionGroup var options: NewFileOptions

    func run() throws {
        let identity = try options.identity()
        let today = ProjectOptions.todayInBeijing()
        let file = try options.newPath(in: "faq", ext: "md", today: today)
        try options.write(
            file,
            """
            ---
            问题: \(yamlValue(question))
            主题: \(yamlValue(topic))
            答复日期: \(today.iso)
            答复单位: \(yamlValue(identity.name))
            # 相关政策: [xxgk/fdzdgknr/zcwj/文件名]
            ---
            在这里写答复。

            """)
    }
}

struct NewCatalogue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "新建一份公开目录（content/catalogues/），列名按这一种类的规定格式写好，并打印它的路径。",
        discussion: "种类：主动公开目录、基层政务公开标准目录、惠民惠农财政补贴政策目录、行政事业性收费目录、重大行政决策事项目录。")

    @Argument(help: ArgumentHelp("目录的种类，例如 主动公开目录。", valueName: "种类"))
    var kind: String

    @OptionGroup var options: NewFileOptions

    func run() throws {
        guard let schema = CatalogueSchema.known(named: kind) else {
            throw ValidationError("没有“\(kind)”这种目录。可以用：\(CatalogueSchema.known.map(\.kind).joined(separator: "、"))。")
        }
        let identity = try options.identity()
        let today = ProjectOptions.todayInBeijing()
        let file = try options.newPath(in: "catalogues", ext: "yml", today: today)
        var text = """
            # \(schema.kind)：每一行写一项，列名不要改。行较多时可以改用 CSV 文件（写 数据: 文件名.csv 代替 行:）。
            类型: \(schema.kind)
            标题: \(yamlValue(identity.name + schema.kind))
            责任单位: \(yamlValue(identity.host.isEmpty ? identity.name : identity.host))
            更新日期: \(today.iso)
            行:

            """
        for (index, column) in schema.columns.enumerated() {
            if let reference = column.reference {
                let what = reference == .consultation ? "content/consultations/ 中意见征集的文件名（不含 .md）" : "本站文件的路径、文号或索引号"
                text += "    # \(column.name): 有时填写\(what)\n"
                continue
            }
            let value = column.allowed?.first ?? "（请填写\(column.name)）"
            text += (index == 0 ? "  - " : "    ") + "\(column.name): \(yamlValue(value))"
            if let allowed = column.allowed { text += "    # \(allowed.joined(separator: "、"))" }
            text += "\n"
        }
        try options.write(file, text)
    }
}

struct NewReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "新建一份政府信息公开工作年度报告（content/reports/年份.yml），表格的数字都是 0，由编辑填写，并打印它的路径。")

    @Argument(help: ArgumentHelp("报告的年度，例如 2024。", valueName: "年份"))
    var year: Int

    @OptionGroup var options: NewFileOptions

    func validate() throws {
        guard (2008...2100).contains(year) else { throw ValidationError("年份“\(year)”不对，请写四位数的年度，例如 2024。") }
    }

    func run() throws {
        let identity = try options.identity()
        let path = "reports/\(year).yml"
        if FileManager.default.fileExists(atPath: options.contentURL.appendingPathComponent(path).path) {
            throw DiagnosticError([.error("\(options.display)/\(path)", "\(year) 年的年度报告已存在，没有改动。")])
        }
        try options.write(
            path,
            ReportScaffold.text(
                year: year, issuer: identity.name,
                published: ProjectOptions.todayInBeijing()))
    }
}
