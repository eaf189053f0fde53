import GongkaiModel
import GongkaiTestSupport
import Testing

@testable import GongkaiPlans

/// 上下对标 suggestions measured against pairs labelled by hand from the seeds.
@Suite struct AlignmentTests {
    /// lower item → higher item, read off the texts by hand. Items not listed have no
    /// counterpart (赫山 政务管理服务 (五), 开福 (十三)).
    static let labels: [(lower: (Int, PlanKind), higher: (Int, PlanKind), pairs: [Int: Int])] = [
        ((0, .disclosure), (1, .disclosure), [1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 13, 12: 14, 13: 15, 14: 16]),
        ((3, .disclosure), (1, .disclosure), [1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 14: 13, 15: 14, 16: 15, 17: 16]),
        ((0, .service), (1, .service), [1: 1, 2: 3, 3: 4, 4: 3, 6: 7, 7: 8, 8: 9, 9: 10, 10: 15, 11: 16, 12: 17, 13: 18, 14: 20, 15: 21, 16: 22, 17: 23, 18: 24, 19: 26, 20: 27]),
    ]

    static func measure(threshold: Double? = nil) throws -> (precision: Double, recall: Double, suggested: Int, correct: Int, labelled: Int) {
        var suggested = 0
        var correct = 0
        var labelled = 0
        for label in labels {
            let lower = try #require(try Seeds.imported(label.lower.0).plans.first { $0.kind == label.lower.1 })
            let higher = try #require(try Seeds.imported(label.higher.0).plans.first { $0.kind == label.higher.1 })
            let links = Alignment(lower: lower, higher: higher).links
            for link in links where link.score >= (threshold ?? Alignment.threshold) {
                suggested += 1
                if label.pairs[link.lower] == link.higher { correct += 1 }
            }
            labelled += label.pairs.count
        }
        return (Double(correct) / Double(max(suggested, 1)), Double(correct) / Double(labelled), suggested, correct, labelled)
    }

    @Test func suggestsLinksWithHighPrecisionAndRecall() throws {
        let result = try Self.measure()
        print("对标建议：建议 \(result.suggested) 对，正确 \(result.correct) 对，人工标注 \(result.labelled) 对；准确率 \(result.precision)，召回率 \(result.recall)")
        for threshold in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4] {
            let t = try Self.measure(threshold: threshold)
            print("  阈值 \(threshold)：准确率 \(t.precision)，召回率 \(t.recall)")
        }
        #expect(result.precision >= 0.9)
        #expect(result.recall >= 0.85)
    }

    @Test func pairsHeshanFirstItemWithHunanFirstItem() throws {
        let heshan = try #require(try Seeds.imported(0).plans.first { $0.kind == .disclosure })
        let hunan = try #require(try Seeds.imported(1).plans.first { $0.kind == .disclosure })
        let alignment = Alignment(lower: heshan, higher: hunan)
        #expect(alignment.links.first { $0.lower == 1 }?.higher == 1)
        #expect(Set(alignment.unmatched.map(\.number)) == [11, 12], "地方标准 and 依申请公开在线办理系统 have no 赫山 counterpart")
    }

    @Test func confirmedLinksOverrideSuggestions() throws {
        var heshan = try #require(try Seeds.imported(0).plans.first { $0.kind == .disclosure })
        let hunan = try #require(try Seeds.imported(1).plans.first { $0.kind == .disclosure })
        heshan.sections[0].items[0].implements = ["hunan-2023-zwgk/3"]
        heshan.sections[0].items[1].implements = []
        let links = Alignment(lower: heshan, higher: hunan).links
        #expect(links.filter { $0.lower == 1 }.map(\.higher) == [3])
        #expect(links.first { $0.lower == 1 }?.confirmed == true)
        #expect(links.filter { $0.lower == 2 }.isEmpty, "an empty 落实上级 means: no counterpart")
    }

    @Test func findsTheHigherPlanOfTheSameYearAndKind() throws {
        let plans = try (0..<5).flatMap { try Seeds.imported($0).plans }
        let kaifu = try #require(plans.first { $0.id == "kaifu-2023-zwgk" })
        #expect(Alignment.parent(of: kaifu, among: plans)?.id == "hunan-2023-zwgk")
        let shaoyang = try #require(plans.first { $0.id == "shaoyang-2022-zwgk" })
        #expect(Alignment.parent(of: shaoyang, among: plans) == nil, "no 2022 province plan among the seeds")
        #expect(Alignment.parent(of: try #require(plans.first { $0.id == "hunan-2023-zwgk" }), among: plans) == nil)
    }

    @Test func alignsOnlyPlansOfTheSameCategory() throws {
        let plans = try (0..<5).flatMap { try Seeds.imported($0).plans }
        var kaifu = try #require(plans.first { $0.id == "kaifu-2023-zwgk" })
        kaifu.kind = PlanKind(rawValue: "法治政府建设")
        #expect(Alignment.parent(of: kaifu, among: plans) == nil, "a 法治政府建设 plan is not measured against a 政务公开 plan")
        var province = try #require(plans.first { $0.id == "hunan-2023-zwgk" })
        province.id = "hunan-2023-fzzfjs"
        province.kind = PlanKind(rawValue: "法治政府建设")
        #expect(Alignment.parent(of: kaifu, among: plans + [province])?.id == "hunan-2023-fzzfjs")
        var service = try #require(plans.first { $0.id == "heshan-2023-zwfw" })
        service.kind = PlanKind(rawValue: "政务服务")
        #expect(Alignment.parent(of: service, among: plans)?.id == "hunan-2023-zwfw", "政务服务 is aligned with 政务管理服务")
    }
}

@Suite struct LedgerTests {
    @Test func listsEveryItemAUnitLeadsSharesOrAnswersFor() throws {
        let plans = try (0..<5).flatMap { try Seeds.imported($0).plans }
        let ledger = Ledger(plans: plans)
        let unit = try #require(ledger.unit(named: "省政务局", region: "湖南省"))
        #expect(unit.name == "湖南省政务局")
        // Counted by hand: every 湖南 item whose parenthesis names 省政务局.
        let zwfwLead = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
        let zwgkLead = [2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]
        let lead = unit.entries.filter { $0.role == .lead }
        #expect(lead.filter { $0.planID == "hunan-2023-zwfw" }.map(\.item) == zwfwLead)
        #expect(lead.filter { $0.planID == "hunan-2023-zwgk" }.map(\.item) == zwgkLead)
        #expect(unit.entries.filter { $0.role == .partner }.map { "\($0.planID)/\($0.item)" } == ["hunan-2023-zwfw/14"])
        #expect(unit.entries.count == zwfwLead.count + zwgkLead.count + 1)
    }

    @Test func mergesShortAndLongFormsOfOneUnitWithinARegion() throws {
        let heshan = try Seeds.imported(0).plans
        let ledger = Ledger(plans: heshan)
        let long = try #require(ledger.unit(named: "区人力资源和社会保障局", region: "赫山区"))
        let short = try #require(ledger.unit(named: "区人社局", region: "赫山区"))
        #expect(long.key == short.key)
        #expect(Set(long.entries.map(\.planID)) == ["heshan-2023-zwgk", "heshan-2023-zwfw"])
        #expect(ledger.unit(named: "区直相关单位", region: "赫山区") == nil, "groups of units have no ledger")
        #expect(long.slug.hasPrefix("heshan-"))
    }

    @Test func keepsSameNamedUnitsOfDifferentRegionsApart() throws {
        let plans = try Seeds.imported(0).plans + Seeds.imported(3).plans
        let ledger = Ledger(plans: plans)
        let heshan = try #require(ledger.unit(named: "区行政审批服务局", region: "赫山区"))
        let kaifu = try #require(ledger.unit(named: "区行政审批服务局", region: "开福区"))
        #expect(heshan.slug != kaifu.slug)
        #expect(kaifu.name == "开福区行政审批服务局")
        #expect(Set(kaifu.entries.map(\.planID)) == ["kaifu-2023-zwgk"])
    }

    @Test func marksOverdueItemsFromTheBuildDay() throws {
        let plan = try #require(try Seeds.imported(2).plans.first { $0.kind == .disclosure })
        let june = PlanStatus(plan, asOf: CalendarDate(year: 2022, month: 7, day: 1)!)
        #expect(june.overdue.map(\.number) == [4], "only (四) was due by 6月底前")
        #expect(june.counts[.notStarted] == 20)
        let later = PlanStatus(plan, asOf: CalendarDate(year: 2023, month: 1, day: 1)!)
        #expect(later.overdue.count == 20, "a yearly plan's items are due by the end of its year")
    }
}
