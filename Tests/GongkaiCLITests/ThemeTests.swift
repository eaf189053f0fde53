import Foundation
import GongkaiTestSupport
import GongkaiTheme
import Testing

/// The built-in theme overridden one file at a time, a theme folder named in site.yml,
/// `gongkai theme export` and `gongkai theme diff`, through the real program.
@Suite struct ThemeTests {
    @Test func theBuiltInThemeIsExactlyTheRepositorysTemplatesFolder() throws {
        let repository = Project.tree(Project.repository.appendingPathComponent("templates"))
        #expect(Set(BuiltInTheme.files.keys) == Set(repository.keys))
        for (path, data) in repository { #expect(BuiltInTheme.files[path] == data, "\(path)") }
    }

    @Test func exportWritesTheWholeThemeWithTheSamePathsAnOverrideUses() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try folder.run(["theme", "export", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let exported = Project.tree(folder.url("out")).filter { $0.key != ".gongkai-theme" }
        #expect(exported == Project.tree(Project.repository.appendingPathComponent("templates")))
        // A second export does not overwrite.
        let again = try folder.run(["theme", "export", "out"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("文件已存在"), "\(again.stderr)")
    }

    @Test func oneOverriddenLayoutIsUsedOnItsPagesAndTheBuiltInOneEverywhereElse() throws {
        let folder = try NewSiteTests.newSite()
        defer { folder.remove() }
        let export = try folder.run(["theme", "export", "templates", "layouts/document.mustache"], in: "portal")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Project.tree(folder.url("portal/templates")).keys.sorted() == [".gongkai-theme", "layouts/document.mustache"])
        let layout = try folder.read("portal/templates/layouts/document.mustache")
        let marked = layout.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<p class=\"本站改写\">本站改写的文件页</p>")
        #expect(marked != layout, "document.mustache fills the main block")
        try folder.write("portal/templates/layouts/document.mustache", marked)
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try folder.read("portal/site/xxgk/fdzdgknr/zcwj/example-policy.html").contains("本站改写的文件页"))
        #expect(try !folder.read("portal/site/index.html").contains("本站改写"))
        #expect(try !folder.read("portal/site/xxgk/fdzdgknr/zcwj/index.html").contains("本站改写"))
    }

    @Test func anOverrideIsCheckedAgainstTheViewModelAtItsOwnLine() throws {
        let folder = try NewSiteTests.newSite()
        defer { folder.remove() }
        try folder.write("portal/templates/layouts/document.mustache", "{{<base}}{{$main}}\n<h1>{{document.titel}}</h1>\n{{/main}}{{/base}}\n")
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 1)
        #expect(build.stderr.contains("templates/layouts/document.mustache:2:"), "\(build.stderr)")
        #expect(build.stderr.contains("titel"))
        #expect(!folder.exists("portal/site"))
    }

    @Test func aThemeFolderNamedInSiteYMLComesBetweenTheSiteAndTheBuiltInTheme() throws {
        let folder = try NewSiteTests.newSite()
        defer { folder.remove() }
        let footer = BuiltInTheme.files["partials/footer.mustache"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        try folder.write("portal/themes/县级/partials/footer.mustache", footer + "<p>县级主题页脚</p>\n")
        let site = try folder.read("portal/content/site.yml")
        try folder.write("portal/content/site.yml", site + "主题: themes/县级\n")
        var build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try folder.read("portal/site/index.html").contains("县级主题页脚"))
        // The site's own templates/ wins over the theme.
        try folder.write("portal/templates/partials/footer.mustache", footer + "<p>本站页脚</p>\n")
        build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        let home = try folder.read("portal/site/index.html")
        #expect(home.contains("本站页脚") && !home.contains("县级主题页脚"))
    }

    @Test func aThemeFolderThatDoesNotExistIsAnErrorAtItsLine() throws {
        let folder = try NewSiteTests.newSite()
        defer { folder.remove() }
        let site = try folder.read("portal/content/site.yml")
        try folder.write("portal/content/site.yml", site + "主题: themes/没有\n")
        let line = site.split(separator: "\n", omittingEmptySubsequences: false).count
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/site.yml:\(line): 错误：主题文件夹“themes/没有”不存在"), "\(build.stderr)")
    }

    @Test func diffTellsOverridesApartAndNamesBuiltInFilesChangedSinceExport() throws {
        let folder = try NewSiteTests.newSite()
        defer { folder.remove() }
        #expect(try folder.run(["theme", "diff"], in: "portal").stdout.contains("完全使用内置主题"))
        _ = try folder.run(["theme", "export", "templates", "layouts/base.mustache", "partials/footer.mustache"], in: "portal")
        try folder.write("portal/templates/layouts/own.mustache", "<p>自己的模板</p>\n")
        var diff = try folder.run(["theme", "diff"], in: "portal")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("layouts/base.mustache：与内置主题相同"), "\(diff.stdout)")
        #expect(diff.stdout.contains("layouts/own.mustache：内置主题中没有这个文件"))
        try folder.write("portal/templates/partials/footer.mustache", "<footer>改过的页脚</footer>\n")
        diff = try folder.run(["theme", "diff"], in: "portal")
        #expect(diff.stdout.contains("partials/footer.mustache：改写（导出后内置主题未变）"), "\(diff.stdout)")
        #expect(diff.stdout.contains("没有需要对照的变化"))
        // What a newer program sees: the built-in base.mustache is no longer what was exported.
        let record = try folder.read("portal/templates/.gongkai-theme")
        let exported = BuiltInTheme.hash(BuiltInTheme.files["layouts/base.mustache"]!)
        #expect(record.contains("\(exported)\tlayouts/base.mustache"))
        try folder.write(
            "portal/templates/.gongkai-theme",
            record.replacingOccurrences(of: "\(exported)\tlayouts/base.mustache", with: "0000000000000000\tlayouts/base.mustache"))
        diff = try folder.run(["theme", "diff"], in: "portal")
        #expect(diff.stdout.contains("layouts/base.mustache：改写；内置主题中的这个文件自导出以来有变化"), "\(diff.stdout)")
        #expect(diff.stdout.contains("共 1 个改写的文件在内置主题中有变化"))
    }
}
