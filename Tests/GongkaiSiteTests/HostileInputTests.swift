import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// Hostile and broken input across every kind of content file, each given to the real
/// `gongkai` executable after a good build: the Chinese message names the file and line, the
/// exit status is 1, `site/` is exactly as before and nothing else in or beside the project
/// changed (apart from the file the case wrote).
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let bytes: [String: [UInt8]]
        let expected: [String]
        let absent: [String]
        var testDescription: String { name }

        init(_ name: String, files: [String: String] = [:], bytes: [String: [UInt8]] = [:], expect expected: [String], absent: [String] = []) {
            self.name = name
            self.files = files
            self.bytes = bytes
            self.expected = expected
            self.absent = absent
        }
    }

    static let asOf = "2024-06-01"

    static let site = """
        网站名称: 测试门户
        网址: https://test.example/portal/
        主办单位: 测试单位
        网站标识码: "4300000000"
        联系地址: 测试县测试路1号
        每页条数: 20
        栏目:
          - 标题: 政策文件
            路径: zcwj
            更新类别: 政策文件
            首页: 是
          - 标题: 政策解读
            路径: zcjd
          - 标题: 年度报告
            路径: ndbg
        """

    static let policy = Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01\n附件:\n  - {标题: 附件一, 文件: notes.txt}")

    static let plan = """
        标题: 测试县2023年政务公开工作要点
        年度: 2023
        印发机关: 测试县人民政府办公室
        地区: 测试县
        层级: 县区
        类别: 政务公开
        通知: zcwj/policy
        部分:
        - 序号: 一
          标题: 深化公开
          任务:
          - 序号: (一)
            标题: 公开政策
            内容: 及时公开政策文件。
            牵头单位: [县政府办]
            时限:
            - 文字: 年底前
              日期: 2023-12-31
            进展:
            - 日期: 2023-06-30
              状态: 推进中
              说明: 已开设专栏
              佐证: https://test.example/a
        """

    static let catalogue = """
        类型: 主动公开目录
        标题: 测试局政府信息主动公开目录
        责任单位: 测试局
        更新日期: 2024-03-01
        行:
          - 公开事项: 机构职能
            公开内容: 机关职能
            公开依据: 《中华人民共和国政府信息公开条例》第二十条
            公开时限: 20个工作日内
            责任单位: 办公室
            公开途径: 政府网站
        """

    static let faq = Project.document(
        "问题: 如何申请公开？\n主题: 依申请公开\n答复日期: 2023-07-01\n答复单位: 县政府办\n相关政策: 测政发〔2023〕1号",
        body: "在网上提交申请。")

    static let report: String = (try? String(contentsOf: Project.repository.appendingPathComponent("content/reports/2023.yml"), encoding: .utf8)) ?? ""

    static let good: [String: String] = [
        "zcwj/policy.md": policy,
        "zcwj/notes.txt": "附件内容\n无个人信息\n",
        "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02\n解读对象: 测政发〔2023〕1号"),
        "plans/p.yml": plan,
        "catalogues/c.yml": catalogue,
        "faq/q.md": faq,
        "reports/2023.yml": report,
    ]

    /// A policy whose body (from line 6, after the front matter) is `body`.
    static func policy(body: String) -> String {
        Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01\n附件:\n  - {标题: 附件一, 文件: notes.txt}", body: body)
    }

    static func policy(fields extra: String) -> String {
        Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01\n附件:\n  - {标题: 附件一, 文件: notes.txt}\n\(extra)")
    }

    static func plan(replacing old: String, with new: String) -> String { plan.replacingOccurrences(of: old, with: new) }

    static let bomb =
        "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]"

    static let personal = "有疑似手机号码（138****5678）"
    static let identity = "有疑似居民身份证号码（110***********002X）"

    static let cases: [Case] = [
        // Documents: front matter.
        Case(
            "document: YAML alias bomb in front matter", files: ["content/zcwj/policy.md": policy(fields: bomb)],
            expect: ["content/zcwj/policy.md:7:", "锚点或引用"]),
        Case(
            "document: one alias in an unknown field", files: ["content/zcwj/policy.md": policy(fields: "来源: &x 甲\n备注: *x")],
            expect: ["content/zcwj/policy.md:7:", "锚点或引用"]),
        Case(
            "document: nesting 200 deep", files: ["content/zcwj/policy.md": policy(fields: "备注: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200))],
            expect: ["content/zcwj/policy.md:7:", "嵌套超过了 64 层"]),
        Case(
            "document: a 20-digit year", files: ["content/zcwj/policy.md": Project.document("标题: 政策\n发布日期: 99999999999999999999-01-01")],
            expect: ["content/zcwj/policy.md:3:", "99999999999999999999-01-01"]),
        Case(
            "document: a 20-digit hour", files: ["content/zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-06-01 99999999999999999999:00")],
            expect: ["content/zcwj/policy.md:3:", "2023-06-01 99999999999999999999:00"]),
        Case(
            "document: a 20-digit 成文日期", files: ["content/zcwj/policy.md": policy(fields: "成文日期: 2023-99999999999999999999-01")],
            expect: ["content/zcwj/policy.md:7:", "成文日期"]),
        // Documents: personal data however it is written.
        Case(
            "document: mobile number written with a character reference", files: ["content/zcwj/policy.md": policy(body: "联系 &#49;3812345678。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: mobile number in full-width digits", files: ["content/zcwj/policy.md": policy(body: "联系 １３８１２３４５６７８。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: mobile number split by dashes", files: ["content/zcwj/policy.md": policy(body: "第一行\n联系 138-1234-5678。")],
            expect: ["content/zcwj/policy.md:9:", personal]),
        Case(
            "document: mobile number split by spaces", files: ["content/zcwj/policy.md": policy(body: "联系 138 1234 5678。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: mobile number split by bold", files: ["content/zcwj/policy.md": policy(body: "联系 **138**1234**5678**。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: mobile number split by a comment", files: ["content/zcwj/policy.md": policy(body: "联系 138<!-- 注 -->12345678。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: mobile number with zero-width characters", files: ["content/zcwj/policy.md": policy(body: "联系 138\u{200B}1234\u{200D}5678。")],
            expect: ["content/zcwj/policy.md:8:", personal]),
        Case(
            "document: ID number in the title", files: ["content/zcwj/policy.md": Project.document("标题: 关于11010519491231002X的通知\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01")],
            expect: ["content/zcwj/policy.md:2:", identity]),
        Case(
            "document: mobile number in 网址名", files: ["content/zcwj/policy.md": policy(fields: "网址名: 13812345678")],
            expect: ["content/zcwj/policy.md:7:", personal]),
        Case(
            "document: mobile number in the file name", files: ["content/zcwj/13812345678.md": Project.document("标题: 乙\n发布日期: 2023-06-01")],
            expect: ["content/zcwj/13812345678.md:1:", personal]),
        // Documents: links and tables.
        Case(
            "document: javascript: link in the body", files: ["content/zcwj/policy.md": policy(body: "[点击](javascript:alert(1))")],
            expect: ["content/zcwj/policy.md:8:", "javascript:"]),
        Case(
            "document: data: link in the body", files: ["content/zcwj/policy.md": policy(body: "[点击](data:text/html,x)")],
            expect: ["content/zcwj/policy.md:8:", "“data:”开头的地址不允许使用"]),
        Case(
            "document: protocol-relative link", files: ["content/zcwj/policy.md": policy(body: "[点击](//evil.example/x)")],
            expect: ["content/zcwj/policy.md:8:", "以 // 开头的地址会离开本站"]),
        Case(
            "document: table of 150 columns", files: ["content/zcwj/policy.md": policy(body: "|" + String(repeating: "a|", count: 150) + "\n|" + String(repeating: "-|", count: 150))],
            expect: ["content/zcwj/policy.md:9:", "150 列，超过了 100 列"]),
        Case(
            "document: attachment named javascript:", files: ["content/zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-06-01\n附件:\n  - javascript:alert(1)")],
            expect: ["content/zcwj/policy.md:5:", "不能发布为链接"]),
        // Attachments.
        Case(
            "attachment: text file with an ID number", files: ["content/zcwj/notes.txt": "第一行\n身份证 11010519491231002X\n"],
            expect: ["content/zcwj/notes.txt:2:", "附件中有疑似居民身份证号码"]),
        Case(
            "attachment: CSV with a mobile number",
            files: [
                "content/zcwj/policy.md": policy(fields: "").replacingOccurrences(of: "notes.txt", with: "list.csv"),
                "content/zcwj/list.csv": "姓名,电话\n张三,13812345678\n",
            ],
            expect: ["content/zcwj/list.csv:2:", "附件中有疑似手机号码"]),
        Case(
            "attachment: mobile number in its title", files: ["content/zcwj/policy.md": policy.replacingOccurrences(of: "附件一", with: "联系13812345678")],
            expect: ["content/zcwj/policy.md:6:", personal]),
        Case(
            "attachment: mobile number in its file name",
            files: [
                "content/zcwj/policy.md": policy.replacingOccurrences(of: "notes.txt", with: "名单13812345678.txt"),
                "content/zcwj/名单13812345678.txt": "无",
            ],
            expect: ["content/zcwj/policy.md:6:", personal]),
        // site.yml.
        Case(
            "site.yml: saved as GBK", bytes: ["content/site.yml": Array("网站名称: ".utf8) + [0xB2, 0xE2, 0xCA, 0xD4] + Array("\n".utf8)],
            expect: ["content/site.yml:1:", "不是 UTF-8", "共 1 个错误"], absent: ["不是 site.yml 中定义的栏目"]),
        Case(
            "site.yml: YAML alias", files: ["content/site.yml": site + "\n承办单位: &u 测试中心\n备注: *u"],
            expect: ["content/site.yml:16:", "锚点或引用"]),
        Case(
            "site.yml: mobile number in 联系地址", files: ["content/site.yml": site.replacingOccurrences(of: "测试路1号", with: "测试路1号 13812345678")],
            expect: ["content/site.yml:5:", personal]),
        Case(
            "site.yml: javascript: 网址", files: ["content/site.yml": site.replacingOccurrences(of: "https://test.example/portal/", with: "javascript:alert(1)//")],
            expect: ["content/site.yml:2:", "应以 https:// 或 http:// 开头"]),
        Case(
            "site.yml: 静态文件 outside content/", files: ["content/site.yml": site + "\n静态文件: [../secret.txt]"],
            expect: ["content/site.yml:16:", "不能以 / 开头或包含 .."]),
        // Plans.
        Case(
            "plan: javascript: 佐证 with ://", files: ["content/plans/p.yml": plan(replacing: "https://test.example/a", with: "javascript://%0aalert(1)")],
            expect: ["content/plans/p.yml:23:", "不能发布为链接", "“javascript:”开头的地址不允许使用"]),
        Case(
            "plan: data: 佐证", files: ["content/plans/p.yml": plan(replacing: "https://test.example/a", with: "data:text/html;base64,PHNjcmlwdD4=")],
            expect: ["content/plans/p.yml:23:", "“data:”开头的地址不允许使用"]),
        Case(
            "plan: 佐证 naming a withheld document",
            files: [
                "content/plans/p.yml": plan(replacing: "https://test.example/a", with: "zcjd/secret"),
                "content/zcjd/secret.md": Project.document("标题: 内部\n发布日期: 2023-06-01\n公开方式: 依申请公开"),
            ],
            expect: ["content/plans/p.yml:23:", "content/zcjd/secret.md 不会发布"]),
        Case(
            "plan: mobile number in 牵头单位", files: ["content/plans/p.yml": plan(replacing: "[县政府办]", with: "[县政府办 13812345678]")],
            expect: ["content/plans/p.yml:15:", personal]),
        Case(
            "plan: mobile number in 地区", files: ["content/plans/p.yml": plan(replacing: "地区: 测试县", with: "地区: 测试县13812345678")],
            expect: ["content/plans/p.yml:4:", personal]),
        Case(
            "plan: a five-digit 年度", files: ["content/plans/p.yml": plan(replacing: "年度: 2023", with: "年度: 99999")],
            expect: ["content/plans/p.yml:2:", "四位数的年份"]),
        Case(
            "plan: YAML alias bomb", files: ["content/plans/p.yml": plan + "\n" + bomb],
            expect: ["content/plans/p.yml:24:", "锚点或引用"]),
        // Catalogues.
        Case(
            "catalogue: mobile number in a row's 责任单位", files: ["content/catalogues/c.yml": catalogue.replacingOccurrences(of: "责任单位: 办公室", with: "责任单位: 办公室13812345678")],
            expect: ["content/catalogues/c.yml:10:", personal]),
        Case(
            "catalogue: ID number in 说明", files: ["content/catalogues/c.yml": catalogue + "\n说明: 联系人 11010519491231002X"],
            expect: ["content/catalogues/c.yml:12:", identity]),
        Case(
            "catalogue: deep nesting", files: ["content/catalogues/c.yml": catalogue + "\n领域: " + String(repeating: "{a: ", count: 100) + String(repeating: "}", count: 100)],
            expect: ["content/catalogues/c.yml:12:", "嵌套超过了 64 层"]),
        // FAQ.
        Case(
            "FAQ: mobile number in 答复单位", files: ["content/faq/q.md": faq.replacingOccurrences(of: "答复单位: 县政府办", with: "答复单位: 县政府办 13812345678")],
            expect: ["content/faq/q.md:5:", personal]),
        Case(
            "FAQ: mobile number in 主题", files: ["content/faq/q.md": faq.replacingOccurrences(of: "主题: 依申请公开", with: "主题: 依申请公开13812345678")],
            expect: ["content/faq/q.md:3:", personal]),
        Case(
            "FAQ: javascript: link in the answer", files: ["content/faq/q.md": faq.replacingOccurrences(of: "在网上提交申请。", with: "见[这里](JavaScript:alert(1))。")],
            expect: ["content/faq/q.md:8:", "javascript:"]),
        // Annual reports.
        Case(
            "report: a 20-digit count", files: ["content/reports/2023.yml": report.replacingOccurrences(of: "本年新收: [14, 3, 0, 0, 1, 1, 19]", with: "本年新收: [99999999999999999999, 3, 0, 0, 1, 1, 19]")],
            expect: ["content/reports/2023.yml:", "0 到 1000000000000 之间的整数"]),
        Case(
            "report: counts that would overflow a sum",
            files: ["content/reports/2023.yml": report.replacingOccurrences(of: "本年新收: [14, 3, 0, 0, 1, 1, 19]", with: "本年新收: [9223372036854775807, 9223372036854775807, 0, 0, 1, 1, 19]")],
            expect: ["content/reports/2023.yml:", "0 到 1000000000000 之间的整数"]),
        Case(
            "report: mobile number in 总体情况", files: ["content/reports/2023.yml": report.replacingOccurrences(of: "组织业务培训 2 次。", with: "组织业务培训 2 次，咨询 13812345678。")],
            expect: ["content/reports/2023.yml:", personal]),
        Case(
            "report: a five-digit 年度", files: ["content/reports/2023.yml": report.replacingOccurrences(of: "年度: 2023", with: "年度: 10000")],
            expect: ["content/reports/2023.yml:4:", "四位数的年份"]),
    ]

    /// Every file under a directory with its bytes, hidden ones included, symbolic links as such.
    static func snapshot(_ directory: URL, skipping: Set<String> = []) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = directory.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [:] }
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            if skipping.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true {
                files[path] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "").utf8)
            } else if values?.isRegularFile == true {
                files[path] = try? Data(contentsOf: url)
            }
        }
        return files
    }

    @Test(arguments: cases)
    func refusesWithAFileAndLineAndChangesNothing(_ testCase: Case) throws {
        let project = try Project(files: Self.good, site: Self.site)
        defer { try? FileManager.default.removeItem(at: project.root) }
        let good = try project.run(["build", "--as-of", Self.asOf])
        try #require(good.status == 0, "the good build failed: \(good.stderr)")
        let before = Project.tree(project.site)
        try #require(before["zcwj/policy.html"] != nil && before["zcwj/notes.txt"] != nil)

        for (path, text) in testCase.files { try project.write(path, text) }
        for (path, bytes) in testCase.bytes { try project.write(path, Data(bytes)) }
        let projectFiles = Self.snapshot(project.root, skipping: ["site"])
        let bad = try project.run(["build", "--as-of", Self.asOf])

        #expect(bad.status == 1, "exit status \(bad.status):\n\(bad.stderr)")
        for expected in testCase.expected {
            #expect(bad.stderr.contains(expected), "stderr lacks “\(expected)”:\n\(bad.stderr)")
        }
        for unwanted in testCase.absent {
            #expect(!bad.stderr.contains(unwanted), "stderr has “\(unwanted)”:\n\(bad.stderr)")
        }
        #expect(Project.tree(project.site) == before, "the previous site/ changed")
        #expect(Self.snapshot(project.site).keys.allSatisfy { !$0.contains(".gk-writing-") }, "temporary files left in site/")
        #expect(Self.snapshot(project.root, skipping: ["site"]) == projectFiles, "files outside site/ changed")
    }
}
