import GongkaiModel
import GongkaiPublish

/// The duties of each 公开主体 on the build day: last year's annual report out by the deadline
/// of 第四十九条, and a 指南 that can tell the public where and how to apply (第十二条).
enum BodyRules {
    static func check(_ derived: PublishedSite, configFile: String) -> [Diagnostic] {
        let site = derived.site
        var diagnostics: [Diagnostic] = []
        for body in site.bodies {
            diagnostics += reportDeadline(body, derived: derived, configFile: configFile)
            diagnostics += guideContacts(body, derived: derived, configFile: configFile)
        }
        return diagnostics
    }

    /// A 部门 or 乡镇街道 without last year's report after 1月31日, the government after 3月31日.
    static func reportDeadline(_ body: DisclosingBody, derived: PublishedSite, configFile: String) -> [Diagnostic] {
        let asOf = derived.rule.asOf
        let year = asOf.year - 1
        let (month, day) = body.kind.reportDeadline
        guard let deadline = CalendarDate(year: asOf.year, month: month, day: day), asOf > deadline else { return [] }
        guard !derived.reports(of: body).contains(where: { $0.year == year }) else { return [] }
        let folder = body.ownColumn == nil ? "\(derived.site.contentDisplay)/\(body.folder)/reports" : "\(derived.site.contentDisplay)/reports"
        let duty =
            body.kind == .government
            ? "县级以上地方人民政府应当在每年3月31日前公布本级政府上一年度的政府信息公开工作年度报告"
            : "县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布本部门上一年度的政府信息公开工作年度报告"
        return [
            .warning(
                configFile, line: body.line,
                "公开主体“\(body.name)”（\(body.kind.rawValue)）到 \(asOf.chinese) 还没有发布\(year)年政府信息公开工作年度报告，已过 \(deadline.chinese) 的期限。《中华人民共和国政府信息公开条例》第四十九条：\(duty)。请把年报写成 \(folder)/\(year).yml 并发布。",
                rule: "report-deadline")
        ]
    }

    /// A body whose 指南 column exists but that lacks the address, phone or channels the 指南
    /// must give; and a published 指南 whose text leaves out the declared phone or address.
    static func guideContacts(_ body: DisclosingBody, derived: PublishedSite, configFile: String) -> [Diagnostic] {
        guard let column = derived.guideColumn(of: body) else { return [] }
        var missing: [String] = []
        if body.address == nil { missing.append("办公地址") }
        if body.phone == nil { missing.append("联系电话") }
        if body.channels.isEmpty { missing.append("依申请公开渠道（当面申请地址、邮寄地址、网络申请、传真或电子邮箱）") }
        var diagnostics: [Diagnostic] = []
        if !missing.isEmpty {
            diagnostics.append(
                .warning(
                    configFile, line: body.line,
                    "公开主体“\(body.name)”的政府信息公开指南缺少\(missing.joined(separator: "、"))。《中华人民共和国政府信息公开条例》第十二条要求指南写明政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等。请在 site.yml 这个主体下补上。",
                    rule: "guide-contacts"))
        }
        let guides = derived.documentsUnder[column.path] ?? []
        if let guide = guides.first {
            let absent = [("办公地址", body.address), ("联系电话", body.phone)].compactMap { label, value in
                value.flatMap { guide.body.contains($0) ? nil : "\(label)“\($0)”" }
            }
            if !absent.isEmpty {
                diagnostics.append(
                    .warning(
                        guide.file,
                        "政府信息公开指南“\(guide.title)”的正文没有写\(absent.joined(separator: "、"))（site.yml 中“\(body.name)”的信息）。请在指南中写明，或更正 site.yml，使两处一致。",
                        rule: "guide-contacts"))
            }
        }
        return diagnostics
    }
}
