import GongkaiModel
import GongkaiTestSupport
import Testing

@testable import GongkaiIntake

/// The importer on the five real seeds. Every expected value below was read off the seed text
/// by hand, not taken from the importer's output.
@Suite struct ImporterTests {
    func plan(_ seed: Int, _ kind: PlanKind) throws -> Plan {
        try #require(try Seeds.imported(seed).plans.first { $0.kind == kind })
    }

    func item(_ seed: Int, _ kind: PlanKind, _ number: Int) throws -> PlanItem {
        try #require(try plan(seed, kind).item(number))
    }

    /// (seed, plan id, title, sections, items), counted by hand from the text.
    static let counts: [(Int, String, String, Int, Int)] = [
        (0, "heshan-2023-zwgk", "赫山区2023年政务公开工作要点", 5, 14),
        (0, "heshan-2023-zwfw", "赫山区2023年政务管理服务工作要点", 5, 20),
        (1, "hunan-2023-zwfw", "湖南省2023年政务管理服务工作要点", 6, 27),
        (1, "hunan-2023-zwgk", "湖南省2023年政务公开工作要点", 5, 16),
        (2, "zhangjiajie-2022-zwfw", "张家界市2022年政务管理服务工作要点", 7, 34),
        (2, "zhangjiajie-2022-zwgk", "张家界市2022年政务公开工作要点", 5, 20),
        (3, "kaifu-2023-zwgk", "开福区2023年政务公开工作要点", 5, 17),
        (4, "shaoyang-2022-zwfw", "邵阳市2022年政务服务管理工作要点", 9, 37),
        (4, "shaoyang-2022-zwgk", "邵阳市2022年政务公开工作要点", 5, 17),
    ]

    @Test func findsEveryPlanWithItsSectionsAndItems() throws {
        for (seed, id, title, sections, items) in Self.counts {
            let plans = try Seeds.imported(seed).plans
            let plan = try #require(plans.first { $0.id == id }, "\(id) missing")
            #expect(plan.title == title)
            #expect(plan.sections.count == sections, "\(id)")
            #expect(plan.items.count == items, "\(id)")
            #expect(plan.items.map(\.number) == Array(1...items), "\(id): items numbered 1…\(items) in order")
        }
        #expect(try Seeds.imported(3).plans.count == 1)
    }

    @Test func readsPlanMetadata() throws {
        let hunan = try plan(1, .disclosure)
        #expect(hunan.region == "湖南省")
        #expect(hunan.level == .province)
        #expect(hunan.year == 2023)
        #expect(hunan.issuer == "湖南省人民政府办公厅")
        #expect(hunan.preamble.hasPrefix("以习近平新时代中国特色社会主义思想为指导"))
        #expect(try plan(3, .disclosure).level == .county)
        #expect(try plan(4, .service).level == .city)
        #expect(try plan(0, .disclosure).preamble.hasPrefix("2023年，全区政务公开工作坚持"), "the untitled first plan keeps its preamble")
        #expect(hunan.sections[3].title == "擦亮湖南政务公开品牌")
    }

    @Test func leadsAndPartnersInEveryParenthesisForm() throws {
        // …牵头，…按职责分工负责。…均为责任单位，以下不再列出
        let a = try item(1, .disclosure, 1)
        #expect(a.leads == ["省发展改革委", "省科技厅", "省财政厅", "省人力资源社会保障厅", "省应急厅"])
        #expect(a.partners == ["省直相关单位"])
        #expect(a.responsible == ["各市州、县市区人民政府"])
        // A和B牵头
        #expect(try item(1, .disclosure, 2).leads == ["省政务局", "省直相关单位"])
        // …等单位按职责分别牵头负责
        let b = try item(1, .service, 7)
        #expect(b.leads.first == "省公安厅")
        #expect(b.leads.contains("人民银行长沙中心支行"))
        #expect(b.leads.count == 12)
        #expect(b.partners.isEmpty)
        // A、B按职责分工负责 without 牵头
        let c = try item(1, .service, 14)
        #expect(c.leads.isEmpty)
        #expect(c.partners == ["省政务局", "省财政厅"])
        // X、Y等…单位按职责分工负责 without 牵头, and 市财政局 broken across two lines
        let d = try item(4, .service, 5)
        #expect(d.leads.isEmpty)
        #expect(d.partners == ["市发改委", "市工信局", "市财政局", "市市场监管局", "市税务局", "市行政审批服务局", "市直相关单位"])
        // 按职责牵头负责
        #expect(try item(2, .disclosure, 12).leads == ["公共企事业单位相应行政主管部门"])
        // …等区直相关单位牵头
        #expect(try item(0, .disclosure, 2).leads == ["区政务公开办", "区交通运输局", "区文旅广体局", "区统计局", "区水利局", "区教育局", "区直相关单位"])
        // 以下不再一一列出
        #expect(try item(0, .disclosure, 1).responsible == ["各乡镇街道开发区"])
        // [ ] brackets with a parenthesis inside
        let e = try item(0, .service, 1)
        #expect(e.leads == ["区行政审批服务局", "区政务服务中心"])
        #expect(e.responsible == ["各乡镇（街道、园区）人民政府"])
        // 以下均需各区县人民政府负责，不再列出
        let f = try item(2, .service, 1)
        #expect(f.partners == ["市直及驻张相关单位", "各区县人民政府"])
        #expect(f.responsible == ["各区县人民政府"])
        // …和…按职责分工负责
        #expect(try item(4, .service, 35).partners == ["市直相关单位", "县市区纪委监委"])
    }

    @Test func joinsAUnitNameBrokenAcrossLines() throws {
        // Seed 003, lines 31–33: “区优化营商环境协” / “调事务中心牵头”, opened with （ and closed with ).
        let item = try item(3, .disclosure, 3)
        #expect(item.leads == ["区发改局", "区财政局", "区税务分局", "区优化营商环境协调事务中心"])
        #expect(item.partners == ["区直相关单位", "街道办事处"])
        // Lines 49–51: “利用好“长” / “沙市政策问答平台””.
        #expect(try self.item(3, .disclosure, 9).body.contains("利用好“长沙市政策问答平台”常见问题知识库"))
    }

    @Test func makesResponsibilityStatedOnceApplyToLaterItems() throws {
        let heshan = try plan(0, .disclosure)
        #expect(heshan.responsible(for: heshan.item(14)!) == ["各乡镇街道开发区"])
        let hunan = try plan(1, .service)
        #expect(hunan.responsible(for: hunan.item(27)!) == ["各市州、县市区人民政府"])
    }

    @Test func separatesHeadingsFromBodies() throws {
        #expect(try item(1, .service, 1).title == "办好“湘易办”重点民生实事")
        #expect(try item(1, .service, 1).body.hasPrefix("落实省政府工作报告"))
        #expect(try item(4, .service, 1).title == "强化“一网通办”支撑，推进全流程一体化网上政务服务")
        // 邵阳 items without a short heading.
        for number in [2, 3, 4, 21, 30, 31, 33, 34, 36, 37] {
            let item = try item(4, .service, number)
            #expect(item.title == nil, "(\(number)) has no heading sentence")
        }
        #expect(try item(4, .service, 21).label == "开展网络身份认证服务应用试点")
    }

    @Test func resolvesDeadlinesWithinThePlansYear() throws {
        func deadlines(_ seed: Int, _ kind: PlanKind, _ number: Int) throws -> [String] {
            try item(seed, kind, number).deadlines.map { "\($0.text)=\($0.date.iso)" }
        }
        #expect(try deadlines(1, .service, 1) == ["年底前=2023-12-31"])
        #expect(try deadlines(1, .disclosure, 10) == ["第二季度=2023-06-30"])
        #expect(try deadlines(1, .service, 24) == ["6月份前=2023-05-31"])
        #expect(try deadlines(2, .disclosure, 3) == ["9月底前=2022-09-30", "第四季度=2022-12-31"])
        #expect(try deadlines(2, .disclosure, 4) == ["6月底前=2022-06-30"])
        #expect(try deadlines(2, .service, 21) == ["2022年底前=2022-12-31"])
        #expect(try deadlines(4, .service, 15) == ["到2022年底=2022-12-31"])
        #expect(try deadlines(0, .service, 3) == ["2023年底前=2023-12-31"])
        #expect(try deadlines(1, .disclosure, 13) == ["年内=2023-12-31"])
        #expect(try deadlines(1, .service, 2).isEmpty)
    }

    @Test func extractsQuantitativeTargetsAsWritten() throws {
        #expect(
            try item(1, .service, 1).targets == [
                "确保“湘易办”上线服务事项10000项", "其中“一网通办”事项达到5000项",
                "集成可应用的电子证照种类超过200类", "用户数突破3000万",
            ])
        #expect(try item(2, .service, 2).targets == ["推出3—5项主题式、套餐式服务"])
        #expect(try item(1, .disclosure, 13).targets == ["各级各部门年内组织开展政务公开培训不少于1次"])
        #expect(try item(1, .disclosure, 2).targets.isEmpty, "“已经发布的26个领域” is a fact, not a target")
    }

    @Test func readsTheNoticeItself() throws {
        let hunan = try Seeds.imported(1).notice
        #expect(hunan.title == "湖南省人民政府办公厅关于印发《湖南省2023年政务管理服务工作要点》和《湖南省2023年政务公开工作要点》的通知")
        #expect(hunan.documentNumber == "湘政办发〔2023〕11号")
        #expect(hunan.issuer == "湖南省人民政府办公厅")
        #expect(hunan.written == CalendarDate(year: 2023, month: 3, day: 6))
        #expect(hunan.published?.minutePrecision == "2023-03-23 14:07")
        #expect(hunan.body.hasPrefix("各市州、县市区人民政府，省政府各厅委、各直属机构："), "half-width punctuation between Chinese made full-width")
        #expect(hunan.body.hasSuffix("（此件主动公开）"))
        let zhangjiajie = try Seeds.imported(2).notice
        #expect(zhangjiajie.written == CalendarDate(year: 2022, month: 5, day: 19), "written 2022519")
        #expect(zhangjiajie.published?.date == CalendarDate(year: 2022, month: 5, day: 20))
        #expect(zhangjiajie.documentNumber == "张政办发〔2022〕14号")
        let shaoyang = try Seeds.imported(4).notice
        #expect(shaoyang.issuer == "邵阳市人民政府推进政府职能转变和“放管服”改革行政审批制度改革领导小组办公室", "signature broken over two lines")
        #expect(shaoyang.documentNumber == "邵放组办字〔2022〕7号")
        #expect(try Seeds.imported(3).notice.documentNumber == "开政务公开办发〔2023〕2号")
        #expect(try Seeds.imported(0).notice.documentNumber == nil)
    }

    @Test func reportsOnlyGenuineAmbiguities() throws {
        func notes(_ seed: Int) throws -> [String] { try Seeds.imported(seed).notes.map(\.description) }
        #expect(try notes(1).isEmpty)
        #expect(
            try notes(0) == [
                "第 2 行：原文没有文号，“文号”留空。",
                "第 2 行：原文没有发布日期，已暂用成文日期 2023-07-17，请按网站实际发布日期修改。",
                "第 10 行：这份工作要点没有标题行，已按通知标题定名为《赫山区2023年政务公开工作要点》。",
            ])
        #expect(try notes(2) == ["第 30 行：成文日期写作“2022519”，已读作 2022年5月19日，请核对。"])
        #expect(try notes(3) == ["第 7 行：原文没有发布日期，已暂用成文日期 2023-05-05，请按网站实际发布日期修改。"])
        #expect(
            try notes(4) == [
                "第 7 行：原文没有发布日期，已暂用成文日期 2022-05-12，请按网站实际发布日期修改。",
                "第 18 行：工作要点标题“邵阳市2022年政务服务管理工作要点”与通知标题中的《邵阳市2022年政务管理服务工作要点》不一致，已采用正文中的标题。",
            ])
    }

    @Test func reportsWhatItCannotPlace() {
        let text = """
            关于印发《某县2023年政务公开工作要点》的通知
            各单位：
            现印发给你们。
            某县人民政府办公室
            2023年1月5日
            某县2023年政务公开工作要点
            一、第一部分
            （一）有分工的任务。内容。（县政务局牵头，县直相关单位按职责分工负责）
            （三）没有分工括号的任务。内容。
            （四）分工写法不明的任务。内容。（县政务局督办）
            """
        let result = PlanImporter(idPrefix: "x").run(text)
        let messages = result.notes.map(\.description)
        #expect(messages.contains { $0.hasPrefix("第 9 行：") && $0.contains("不连续") })
        #expect(messages.contains { $0.hasPrefix("第 9 行：") && $0.contains("没有写明牵头") })
        #expect(result.plans.first?.item(4)?.assignment == nil, "a remark that names no 牵头/负责 is not an assignment")
    }
}
