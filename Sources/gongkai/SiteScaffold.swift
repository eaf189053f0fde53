import GongkaiModel

/// The files of a new site (`gongkai new site`): relative path → text. Its site.yml explains
/// every key; the 公开指南 and 公开制度 are drafts marked 【待完善】 that checks report until rewritten.
struct SiteScaffold {
    let name: String
    let today: CalendarDate

    var files: [(String, String)] {
        [
            ("content/site.yml", siteYAML),
            ("content/xxgk/gkzn/guide.md", guide),
            ("content/xxgk/gkzd/rules.md", rules),
            ("content/xxgk/fdzdgknr/zcwj/example-policy.md", policy),
            (".gitignore", gitignore),
            (".gitlab-ci.yml", ci),
            ("README.md", readme),
        ]
    }

    var siteYAML: String {
        """
        # 网站配置。“#”后面是说明，不影响网站；冒号用半角“:”，后面加一个空格。
        # 改完保存后运行 gongkai build（或在 gongkai serve 预览时自动重新生成）。

        网站名称: \(yamlValue(name))              # 显示在每个页面的页眉和浏览器标题中
        网址: https://www.example.gov.cn/      # 网站正式上线的地址；在子目录时写完整路径，例如 https://www.example.gov.cn/xxgk/
        主办单位: \(yamlValue(name + "办公室"))      # 页脚“主办单位”
        网站标识码: "0000000000"               # 全国政府网站基本数据库分配的 10 位标识码，必须加引号
        # ICP备案号: 某ICP备00000000号          # 去掉行首的“#”并改成本网站的备案号，页脚会链接到备案系统
        # 公安机关备案号: 某公网安备00000000000000号   # 同上
        机构代码: "000000000"                  # 自动生成索引号时的前缀（机构代码或统一社会信用代码），必须加引号
        联系电话: 0000-00000000                # 页脚“联系电话”，写办公电话
        联系地址: 请填写联系地址                # 页脚“联系地址”
        每页条数: 20                           # 栏目列表每页显示多少篇文件
        # 主题: themes/本地主题                 # 可选：自己的模板文件夹（从本文件夹算起）；不写时使用程序内置的主题

        # 首页：首页从上到下显示哪些板块，每行一个。可以用的板块：
        #   最新文件 —— 全站最新发布的文件；        栏目 —— 一个栏目的最新文件（写 栏目: 通知公告，或直接写栏目的标题）；
        #   工作要点落实情况 —— 当年工作要点的进展和各单位台账；  常见问题；  公开目录；
        #   快速入口 —— 自己列出的链接（每个写 标题 和 网址）；  首页栏目 —— 下面写了“首页: 是”的每个栏目。
        # 每个板块还可以写“标题”（板块上显示的名称）和“条数”（列出几条），这时写成“板块: 名称”。
        # 不写“首页”时，先显示工作要点落实情况，再显示写了“首页: 是”的栏目。
        首页:
          - 板块: 最新文件
            条数: 8
          - 通知公告
          - 政策解读
          - 工作动态
          - 工作要点落实情况
          - 常见问题
          - 公开目录
          - 板块: 快速入口
            链接:
              - 标题: 政府信息公开指南
                网址: xxgk/gkzn/
              - 标题: 依申请公开
                网址: xxgk/ysqgk/
              - 标题: 政府信息公开年报
                网址: xxgk/gknb/

        # 栏目：每个栏目写“标题”和“路径”。路径只用小写字母、数字和连字符，它也是 content/ 下的文件夹名和网址的一部分。
        # 更新类别决定检查时的更新周期：动态要闻（2周）、通知公告（6个月）、政策文件（6个月）、人事（1年）、规划计划（1年）、不定期。
        # 栏目还可以写“首页: 是”：首页的“首页栏目”板块会显示这个栏目的最新文件。
        栏目:
          - 标题: 政府信息公开                 # 国办公开办函〔2019〕61号规定的政府信息公开专栏
            路径: xxgk
            子栏目:
              - 标题: 政府信息公开指南
                路径: gkzn
                更新类别: 不定期
              - 标题: 政府信息公开制度
                路径: gkzd
                更新类别: 不定期
              - 标题: 法定主动公开内容
                路径: fdzdgknr
                子栏目:
                  - 标题: 政策文件
                    路径: zcwj
                    更新类别: 政策文件
                  - 标题: 政策解读
                    路径: zcjd
                    更新类别: 政策文件
                  - 标题: 通知公告
                    路径: tzgg
                    更新类别: 通知公告
                  - 标题: 规划计划
                    路径: ghjh
                    更新类别: 规划计划
                  - 标题: 人事信息
                    路径: rsxx
                    更新类别: 人事
                  - 标题: 工作动态
                    路径: gzdt
                    更新类别: 动态要闻
              - 标题: 依申请公开
                路径: ysqgk
                说明: 申请获取政府信息的方式、流程和申请表。
                更新类别: 不定期
              - 标题: 政府信息公开年报
                路径: gknb
                更新类别: 不定期

        """
    }

    var guide: String {
        """
        ---
        标题: \(yamlValue(name + "政府信息公开指南"))
        发文机关: \(yamlValue(name))
        发布日期: \(today.iso)
        文件类型: 公开指南
        ---
        【待完善】这是新建网站时生成的样稿，请按本机关的实际情况改写，改好后删去所有的“【待完善】”。

        ## 一、主动公开

        【待完善】写明主动公开的范围、形式（政府网站、政府公报、政务新媒体等）和时限。

        ## 二、依申请公开

        【待完善】写明受理机构、办公地址、办公时间、联系电话、申请方式（当面、信函、网上）和办理流程。

        ## 三、监督和救济

        【待完善】写明举报、投诉和申请行政复议、提起行政诉讼的途径。

        """
    }

    var rules: String {
        """
        ---
        标题: \(yamlValue(name + "政府信息公开制度"))
        发文机关: \(yamlValue(name))
        发布日期: \(today.iso)
        文件类型: 公开制度
        ---
        【待完善】这是新建网站时生成的样稿。请列出本机关的政府信息公开工作制度（公开前审查、依申请公开办理、
        政策解读、考核评议等），每项制度可以写成单独的文件放在本栏目中，改好后删去所有的“【待完善】”。

        """
    }

    var policy: String {
        """
        ---
        标题: \(yamlValue(name + "关于使用 Gongkai 发布政府信息的通知（示例）"))
        发文机关: \(yamlValue(name))
        成文日期: \(today.iso)
        发布日期: \(today.iso)
        主题分类: 综合政务\\政务公开
        文件类型: 通知
        有效性: 现行有效
        ---
        这是一篇示例文件，说明文件的写法；熟悉之后可以删除。

        每篇文件是一个 `.md` 文件：开头两行 `---` 之间写标题、发文机关、发布日期等信息（每行“名称: 内容”，冒号用半角），
        之后是正文。正文中空一行表示分段，`## 标题` 表示小标题，`- ` 开头表示列表。

        新建文件可以运行：

            gongkai new doc xxgk/fdzdgknr/tzgg 关于某某事项的通知

        """
    }

    var gitignore: String {
        """
        # 生成的网站和它旁边的构建状态（.site.cache、.site.content、.site.search…），不要提交
        site/
        .site.*
        changes.txt
        upload.txt

        """
    }

    var ci: String {
        """
        # GitLab CI：每次提交内容后、以及每晚定时，检查并生成网站，只把有变化的文件上传到网站服务器。
        # 需要在 GitLab 的“设置 → CI/CD → 变量”中设置：
        #   GONGKAI_DEB      gongkai 安装包（gongkai_版本_amd64.deb）的下载地址
        #   DEPLOY_TARGET    rsync 的目标，例如 www@服务器:/var/www/网站目录/
        #   DEPLOY_HOST      www@服务器       DEPLOY_PATH  /var/www/网站目录
        # 检查或生成失败时，后面的上传不会执行，服务器上的网站保持原样。
        publish:
          image: debian:bookworm
          cache:
            key: gongkai-site
            paths: [site/, .site.*]
          script:
            - apt-get update && apt-get install -y curl rsync openssh-client
            - curl -fsSL "$GONGKAI_DEB" -o gongkai.deb && apt-get install -y ./gongkai.deb
            - gongkai build --changed-list changes.txt
            - grep -v '^D' changes.txt | cut -f2 > upload.txt   # 新增和修改的文件
            - rsync -a --files-from=upload.txt site/ "$DEPLOY_TARGET"
            - grep '^D' changes.txt | cut -f2 | ssh "$DEPLOY_HOST" "cd '$DEPLOY_PATH' && xargs -r rm -f --"
          rules:
            # 每晚定时重新生成：没有提交时，到了日子的意见征集状态、文件有效性（有效期至、施行日期）和定时发布的文件也会更新。
            # 在 GitLab 的“构建 → 流水线计划”中新建计划：间隔 5 0 * * *，时区 Asia/Shanghai（北京时间每天 0:05）。
            - if: '$CI_PIPELINE_SOURCE == "schedule"'
            - changes: [content/**/*, templates/**/*]

        """
    }

    var readme: String {
        """
        # \(name) 政务公开网站

        本网站由 Gongkai 生成。编辑只需要改 `content/` 文件夹中的文件。

        ## 常用命令（在本文件夹中运行）

        | 命令 | 作用 |
        |---|---|
        | `gongkai serve` | 在本机预览，打开 http://127.0.0.1:8000/ ，保存文件后自动刷新 |
        | `gongkai check` | 发布前检查：个人信息、失效链接、栏目更新等，逐条写明文件、行号和改法 |
        | `gongkai build` | 生成网站到 `site/` 文件夹 |
        | `gongkai new doc 栏目路径 标题` | 新建一篇文件，例如 `gongkai new doc xxgk/fdzdgknr/tzgg 关于某某事项的通知` |
        | `gongkai new faq 问题` | 新建一条常见问题 |
        | `gongkai new catalogue 主动公开目录` | 新建一份公开目录 |
        | `gongkai new report 年份` | 新建一份政府信息公开工作年度报告 |

        ## 第一次使用前

        1. 打开 `content/site.yml`，按说明改网址、网站标识码、备案号和联系方式。
        2. 改写 `content/xxgk/gkzn/` 中的公开指南和 `content/xxgk/gkzd/` 中的公开制度，删去其中的“【待完善】”。
           没改完时，`gongkai check` 会一直提示。
        3. 运行 `gongkai check`，按提示改正后提交。提交后 `.gitlab-ci.yml` 自动生成并发布网站。

        ## 文件的写法

        每篇文件开头两行 `---` 之间写文件信息，每行“名称: 内容”（冒号用半角 `:`，后面加空格），之后是正文。
        日期写成 2024-03-06。图片和附件放在文件所在的文件夹中。

        ## 改网站的样子

        网站使用程序内置的主题。要改某一类页面，只把那一个模板导出到 `templates/` 再修改：

            gongkai theme export templates layouts/document.mustache

        程序升级后运行 `gongkai theme diff`，看看改过的模板中哪些在新版本中也有变化。

        """
    }
}
