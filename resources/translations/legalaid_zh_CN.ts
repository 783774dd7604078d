<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaseColumns</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Lead staff</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办理单位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>主张金额</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Search case number, title, worker, employer, notes…  (Ctrl+F)</source>
        <translation>搜索案号、案件名称、职工、用人单位、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>All dispute types</source>
        <translation>全部案由</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办理单位</translation>
    </message>
    <message>
        <source>Lead staff</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>主张金额</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未追回</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>案情</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting cases to %1</source>
        <translation>正在导出案件到 %1</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>New consultation</source>
        <translation>新建咨询</translation>
    </message>
    <message>
        <source>Earlier records for this ID number or phone</source>
        <translation>该身份证号或电话的既往记录</translation>
    </message>
    <message>
        <source>Type an ID number or phone to check for earlier records.</source>
        <translation>输入身份证号或电话后自动查询既往记录。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Name / number</source>
        <translation>姓名/案号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Double-click a person to link the caller; a case to open it.</source>
        <translation>双击当事人可关联来访人；双击案件可打开案件。</translation>
    </message>
    <message>
        <source>Recent consultations</source>
        <translation>最近咨询</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>咨询事项</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Convert to case</source>
        <translation>转为案件</translation>
    </message>
    <message>
        <source>No earlier records.</source>
        <translation>没有既往记录。</translation>
    </message>
    <message>
        <source>Found %1 people, %2 cases, %3 consultations.</source>
        <translation>找到当事人 %1 人、案件 %2 件、咨询 %3 次。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Consultations this month</source>
        <translation>本月咨询</translation>
    </message>
    <message>
        <source>Cases accepted this month</source>
        <translation>本月受理</translation>
    </message>
    <message>
        <source>Cases closed this month</source>
        <translation>本月结案</translation>
    </message>
    <message>
        <source>Recovered this month</source>
        <translation>本月追回金额</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>咨询事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>My open cases</source>
        <translation>我的在办案件</translation>
    </message>
    <message>
        <source>Overdue deadlines</source>
        <translation>已逾期期限</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7日内到期</translation>
    </message>
    <message>
        <source>Recent consultations</source>
        <translation>最近咨询</translation>
    </message>
    <message>
        <source>My open cases (%1)</source>
        <translation>我的在办案件（%1）</translation>
    </message>
    <message>
        <source>Overdue deadlines (%1)</source>
        <translation>已逾期期限（%1）</translation>
    </message>
    <message>
        <source>Due within 7 days (%1)</source>
        <translation>7日内到期（%1）</translation>
    </message>
</context>
<context>
    <name>DeadlineCalculator</name>
    <message>
        <source>Deadline calculator</source>
        <translation>期限计算器</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start date</source>
        <translation>起算日(&amp;S)</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>届满日：%1</translation>
    </message>
</context>
<context>
    <name>DeadlineColumns</name>
    <message>
        <source>Statutory</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Bold: a deadline falls due. Red: overdue. Underlined: statutory.</source>
        <translation>粗体：当日有期限届满；红色：已逾期；下划线：法定期限。</translation>
    </message>
    <message>
        <source>Deadline calculator…</source>
        <translation>期限计算器…</translation>
    </message>
    <message>
        <source>Month shown in the calendar</source>
        <translation>日历所示月份</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>未来30天</translation>
    </message>
    <message>
        <source>All open deadlines</source>
        <translation>全部未完成期限</translation>
    </message>
    <message>
        <source>Include done</source>
        <translation>含已完成</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>How the selected deadline was computed</source>
        <translation>所选期限的计算过程</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Document fonts</source>
        <translation>文书字体</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>文书标题</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Fonts shipped with the program work on every computer; others must be installed where documents are opened.</source>
        <translation>程序自带的字体在任何电脑上都能显示；其他字体须在打开文书的电脑上安装。</translation>
    </message>
    <message>
        <source>Save fonts</source>
        <translation>保存字体</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe: the change was not saved and the program keeps running. The report below was written to the log file; copy it to your administrator.</source>
        <translation>程序出现问题。您的数据是安全的：本次修改未保存，程序继续运行。下面的报告已写入日志文件，请复制给管理员。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to legalaid</source>
        <translation>欢迎使用工会法律援助管理系统</translation>
    </message>
    <message>
        <source>A new database will be created at:
%1</source>
        <translation>将在以下位置创建新数据库：
%1</translation>
    </message>
    <message>
        <source>Your office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>e.g. 南昌市总工会职工法律援助中心</source>
        <translation>例如：南昌市总工会职工法律援助中心</translation>
    </message>
    <message>
        <source>e.g. 洪工援</source>
        <translation>例如：洪工援</translation>
    </message>
    <message>
        <source>Office &amp;name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>Case number &amp;prefix</source>
        <translation>案号前缀(&amp;P)</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Fill with demo data to try the program</source>
        <translation>填入演示数据以试用程序</translation>
    </message>
    <message>
        <source> cases</source>
        <translation> 件案件</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Creating demo data</source>
        <translation>正在生成演示数据</translation>
    </message>
    <message>
        <source>Demo data could not be created; the database is ready.</source>
        <translation>未能生成演示数据；数据库已就绪。</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <source>Deadlines move past statutory holidays and count make-up working days. When the State Council publishes the arrangement for a year the program does not know yet, import it here as JSON or CSV.</source>
        <translation>期限遇法定节假日顺延，并计入调休上班日。国务院公布程序尚未收录年份的放假安排后，请在此以 JSON 或 CSV 格式导入。</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>自动识别格式</translation>
    </message>
    <message>
        <source>Load file…</source>
        <translation>读取文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Built in: %1. Imported here: %2.</source>
        <translation>内置年份：%1。已导入：%2。</translation>
    </message>
    <message>
        <source>Holiday data</source>
        <translation>节假日数据</translation>
    </message>
    <message>
        <source>JSON or CSV (*.json *.csv)</source>
        <translation>JSON 或 CSV (*.json *.csv)</translation>
    </message>
    <message>
        <source>Imported. Years: %1</source>
        <translation>已导入。年份：%1</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <source>18-character resident ID number</source>
        <translation>18位居民身份证号码</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>What the worker asks about</source>
        <translation>职工咨询的问题</translation>
    </message>
    <message>
        <source>The advice given</source>
        <translation>答复要点</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>方式(&amp;C)</translation>
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>人数(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>咨询事项(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>咨询内容(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Advice given</source>
        <translation>答复意见(&amp;A)</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>&amp;Save  (Ctrl+S)</source>
        <translation>保存(&amp;S)  Ctrl+S</translation>
    </message>
    <message>
        <source>Save and open a &amp;case</source>
        <translation>保存并转为案件(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>New caller (no earlier record linked)</source>
        <translation>新来访人（未关联既往记录）</translation>
    </message>
    <message>
        <source>Linked to the existing person %1</source>
        <translation>已关联既有当事人：%1</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Set the administrator&apos;s password</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <source>Choose the password of the administrator {0}.</source>
        <translation>请为管理员 {0} 设置密码。</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator. Choose a new one.</source>
        <translation>您的密码已被管理员重置，请设置新密码。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — legalaid</source>
        <translation>登录 — 工会法律援助管理系统</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>legalaid — union legal aid</source>
        <translation>工会法律援助管理系统</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>New &amp;consultation</source>
        <translation>新建咨询(&amp;C)</translation>
    </message>
    <message>
        <source>New c&amp;ase…</source>
        <translation>新建案件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Search cases</source>
        <translation>搜索案件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export case list…</source>
        <translation>导出案件列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Deadline &amp;calculator…</source>
        <translation>期限计算器(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Sync: not set up (working offline)</source>
        <translation>同步：未设置（离线工作）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <source>User: —</source>
        <translation>用户：—</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>Office: —</source>
        <translation>单位：—</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>About legalaid</source>
        <translation>关于本系统</translation>
    </message>
    <message>
        <source>legalaid: consultations, cases, wage-arrears recovery, referrals and deadlines for union legal-aid desks.
Database: %1</source>
        <translation>工会法律援助管理系统：咨询、案件、追讨欠薪、诉调对接与期限管理。
数据库：%1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>e.g. 12345.60</source>
        <translation>例如：12345.60</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂未指定）</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>案件名称(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dispute type</source>
        <translation>案由(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>收案日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>申请人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>A&amp;mount claimed (yuan)</source>
        <translation>主张金额（元）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Lead staff</source>
        <translation>承办人(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Facts</source>
        <translation>案情(&amp;F)</translation>
    </message>
</context>
<context>
    <name>OfficesTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Case prefix</source>
        <translation>案号前缀</translation>
    </message>
    <message>
        <source>Case number format</source>
        <translation>案号格式</translation>
    </message>
    <message>
        <source>Above it</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Case numbers of the selected office</source>
        <translation>所选单位的案号</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Placeholders: {prefix}, {year}, {seq:04d} (sequence with 4 digits).</source>
        <translation>占位符：{prefix} 前缀、{year} 年份、{seq:04d} 四位序号。</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Save case numbers</source>
        <translation>保存案号设置</translation>
    </message>
    <message>
        <source>Add an office</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Add office</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(invalid format)</source>
        <translation>（格式无效）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly and annual summaries appear here once the reports module is set up.</source>
        <translation>统计报表模块就绪后，月度和年度统计将显示在这里。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Offices</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Staff and roles</source>
        <translation>人员与角色</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Activate / deactivate</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>legalaid is locked</source>
        <translation>系统已锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The desk was locked after a period without use. Enter your password.</source>
        <translation>因长时间未操作，系统已锁定。请输入密码。</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
</TS>
