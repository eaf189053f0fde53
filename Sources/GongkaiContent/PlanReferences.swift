import GongkaiModel

/// Checks what plans and documents say about each other: a plan's notice and higher-level plan
/// exist, every `落实上级` names an existing item, every `工作要点` of a document names a plan.
enum PlanReferences {
    static func check(plans: [Plan], documents: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let documentIDs = Set(documents.map(\.id))
        for plan in plans {
            if let notice = plan.notice, !documentIDs.contains(notice) {
                diagnostics.append(
                    .error(
                        plan.file, line: plan.fieldLines["notice"],
                        "“通知”中的“\(notice)”找不到对应的文件。请填写印发这份工作要点的通知的路径，如 xxgk/fdzdgknr/ghjh/example。"))
            }
            if let parent = plan.parent, byID[parent] == nil {
                diagnostics.append(
                    .error(
                        plan.file, line: plan.fieldLines["parent"],
                        "“上级要点”中的“\(parent)”不是已有的工作要点。现有：\(plans.map(\.id).joined(separator: "、"))。"))
            }
            for item in plan.items {
                for entry in item.progress {
                    guard let evidence = entry.evidence, !documentIDs.contains(evidence) else { continue }
                    switch URLPolicy.check(evidence) {
                    case .external:
                        continue
                    case .refused(let reason):
                        diagnostics.append(
                            .error(
                                plan.file, line: entry.evidenceLine ?? item.line,
                                "任务\(item.numberText)进展中的“佐证”“\(evidence)”不能发布为链接：\(reason)。请改为 https:// 网址或本站文件的路径。",
                                rule: "unsafe-url"))
                    case .relative:
                        diagnostics.append(
                            .error(
                                plan.file, line: entry.evidenceLine ?? item.line,
                                "任务\(item.numberText)进展中的“佐证”“\(evidence)”既不是网址（https://…），也不是本站文件的路径。"))
                    }
                }
                for reference in item.implements ?? [] {
                    guard let slash = reference.lastIndex(of: "/"), let number = Int(reference[reference.index(after: slash)...]),
                        let target = byID[String(reference[..<slash])], target.item(number) != nil
                    else {
                        diagnostics.append(
                            .error(
                                plan.file, line: item.line,
                                "任务\(item.numberText)的“落实上级”中的“\(reference)”找不到对应的任务。请写成“工作要点编号/任务序号”，如 hunan-2023-zwgk/3。"))
                        continue
                    }
                    if target.id == plan.id {
                        diagnostics.append(.error(plan.file, line: item.line, "任务\(item.numberText)的“落实上级”指向了同一份工作要点。"))
                    }
                }
            }
        }
        for document in documents {
            for id in document.plans where byID[id] == nil {
                diagnostics.append(
                    .error(
                        document.file, line: document.fieldLines["plans"],
                        "“工作要点”中的“\(id)”在 content/plans/ 中没有对应的文件（\(id).yml）。"))
            }
        }
        return diagnostics
    }
}
