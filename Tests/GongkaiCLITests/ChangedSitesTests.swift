import Foundation
import GongkaiTestSupport
import Testing

/// ci/many-sites/changed-sites: which sites of a platform repository a push changed, and the
/// child pipeline with one job per changed site.
@Suite struct ChangedSitesTests {
    static let script = Project.repository.appendingPathComponent("ci/many-sites/changed-sites").path

    struct Repository {
        let folder: ScratchFolder

        init() throws {
            folder = try ScratchFolder()
            try git(["init", "-q", "-b", "main"])
            try git(["config", "user.email", "test@example.invalid"])
            try git(["config", "user.name", "测试"])
            for site in ["county-a", "county-b", "county-c"] {
                try folder.write("sites/\(site)/content/site.yml", "网站名称: \(site)\n")
            }
            try folder.write("sites/notes/readme.txt", "不是网站\n")
            try folder.write("themes/county/partials/footer.mustache", "<footer></footer>\n")
        }

        @discardableResult
        func git(_ arguments: [String]) throws -> String {
            let result = try folder.run(arguments, program: URL(fileURLWithPath: "/usr/bin/git"))
            guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func commit(_ message: String) throws -> String {
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", message])
            return try git(["rev-parse", "HEAD"])
        }

        func changed(_ before: String, _ after: String) throws -> (sites: [String], pipeline: String) {
            let result = try folder.run(
                ["/bin/bash", ChangedSitesTests.script, before, after, "sites", "child.yml"],
                program: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(result.status == 0, "\(result.stderr)")
            return (result.stdout.split(separator: "\n").map(String.init), try folder.read("child.yml"))
        }
    }

    @Test func onlyTheSitesWhoseFoldersChangedGetAJob() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        let first = try repository.commit("三个网站")
        try repository.folder.write("sites/county-b/content/xxgk/a.md", "---\n标题: 甲\n---\n")
        try repository.folder.write("sites/notes/readme.txt", "改了说明\n")
        let second = try repository.commit("改了 county-b")
        let result = try repository.changed(first, second)
        #expect(result.sites == ["county-b"])
        #expect(result.pipeline.contains("publish-county-b:"))
        #expect(result.pipeline.contains("SITE: \"county-b\""))
        #expect(!result.pipeline.contains("publish-county-a:"))
        #expect(!result.pipeline.contains("publish-notes:"))
    }

    @Test func aSharedThemeOrANewBranchRebuildsEverySite() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        let first = try repository.commit("三个网站")
        #expect(try repository.changed("0000000000000000000000000000000000000000", first).sites == ["county-a", "county-b", "county-c"])
        try repository.folder.write("themes/county/partials/footer.mustache", "<footer>新</footer>\n")
        let second = try repository.commit("改了共用主题")
        #expect(try repository.changed(first, second).sites == ["county-a", "county-b", "county-c"])
    }

    @Test func aPushThatChangesNoSiteHasAnEmptyPipeline() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        let first = try repository.commit("三个网站")
        try repository.folder.write("README.md", "平台说明\n")
        let second = try repository.commit("只改说明")
        let result = try repository.changed(first, second)
        #expect(result.sites.isEmpty)
        #expect(result.pipeline.contains("nothing-changed:"))
        #expect(!result.pipeline.contains("publish-county"))
    }

    /// The pick-sites job's own lines from ci/many-sites/gitlab-ci.yml, run as GitLab runs them:
    /// a scheduled (nightly) pipeline rebuilds every site, a push only the changed ones.
    @Test func aScheduledPipelineRebuildsEverySite() throws {
        let repository = try Repository()
        defer { repository.folder.remove() }
        let first = try repository.commit("三个网站")
        try repository.folder.write("sites/county-a/content/xxgk/a.md", "---\n标题: 甲\n---\n")
        let second = try repository.commit("改了 county-a")
        let yaml = try String(contentsOf: Project.repository.appendingPathComponent("ci/many-sites/gitlab-ci.yml"), encoding: .utf8)
        let lines = yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- before=") || $0.hasPrefix("- ci/changed-sites") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "ci/changed-sites", with: "bash \(ChangedSitesTests.script)") }
        #expect(lines.count == 2, "\(lines)")
        for (source, expected) in [("schedule", ["county-a", "county-b", "county-c"]), ("push", ["county-a"])] {
            let result = try repository.folder.run(
                ["CI_PIPELINE_SOURCE=\(source)", "CI_COMMIT_BEFORE_SHA=\(first)", "CI_COMMIT_SHA=\(second)", "/bin/bash", "-euc", lines.joined(separator: "\n")],
                program: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").map(String.init) == expected, "\(source): \(result.stdout)")
        }
    }
}
