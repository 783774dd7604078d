<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaseCommon</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <source>Reload shows the saved version and drops your changes; Overwrite saves your version over it.</source>
        <translation>“重新载入”显示已保存的版本并放弃你的修改；“覆盖”以你的版本保存并覆盖它。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CaseDeadlines</name>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限事项</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>statutory</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remind on</source>
        <translation>提醒日</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>起算日</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Reopen → {0}</source>
        <translation>重新办理 → {0}</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Lead: {0}    Assisting: {1}    Office: {2}    Workers: {3}</source>
        <translation>承办人：{0}    协办：{1}    办理单位：{2}    涉及职工：{3}人</translation>
    </message>
    <message>
        <source>({0} overdue)</source>
        <translation>（{0}项已逾期）</translation>
    </message>
    <message>
        <source>Received {0}    Accepted {1}    Closed {2}    Next deadline {3}</source>
        <translation>登记 {0}    受理 {1}    结案 {2}    最近期限 {3}</translation>
    </message>
    <message>
        <source>Claimed &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp;&amp;nbsp; Awarded &lt;b&gt;{1}&lt;/b&gt; &amp;nbsp;&amp;nbsp; Recovered &lt;b style=&apos;color:#2e7d32&apos;&gt;{2}&lt;/b&gt; &amp;nbsp;&amp;nbsp; Outstanding &lt;b style=&apos;color:{4}&apos;&gt;{3}&lt;/b&gt;</source>
        <translation>主张 &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp;&amp;nbsp; 裁决/判决 &lt;b&gt;{1}&lt;/b&gt; &amp;nbsp;&amp;nbsp; 已追回 &lt;b style=&apos;color:#2e7d32&apos;&gt;{2}&lt;/b&gt; &amp;nbsp;&amp;nbsp; 未追回 &lt;b style=&apos;color:{4}&apos;&gt;{3}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CaseHistory</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>wage claim</source>
        <translation>欠薪主张</translation>
    </message>
    <message>
        <source>payment received</source>
        <translation>追回款项</translation>
    </message>
    <message>
        <source>instalment</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>mediation session</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>arbitration / litigation</source>
        <translation>仲裁/诉讼</translation>
    </message>
    <message>
        <source>hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>dispute type</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>received on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>lead staff</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>涉及职工人数</translation>
    </message>
    <message>
        <source>amount claimed</source>
        <translation>主张金额</translation>
    </message>
    <message>
        <source>amount awarded</source>
        <translation>裁决金额</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>agreed amount</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <source>facts</source>
        <translation>案情</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>reason for refusal</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>closing summary</source>
        <translation>结案小结</translation>
    </message>
    <message>
        <source>reason for reopening</source>
        <translation>重新办理理由</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <source>body</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <source>body name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>their reference</source>
        <translation>对方文号</translation>
    </message>
    <message>
        <source>sent on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>agreed on</source>
        <translation>协议日期</translation>
    </message>
    <message>
        <source>performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <source>judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>tribunal case no.</source>
        <translation>仲裁/法院案号</translation>
    </message>
    <message>
        <source>applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>裁判文书</translation>
    </message>
    <message>
        <source>decision received on</source>
        <translation>收到裁判日期</translation>
    </message>
    <message>
        <source>appeal deadline</source>
        <translation>起诉/上诉期限</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>held at</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>owed from</source>
        <translation>欠薪起始</translation>
    </message>
    <message>
        <source>owed to</source>
        <translation>欠薪截止</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>date received</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(someone)</source>
        <translation>（某人）</translation>
    </message>
    <message>
        <source>opened the case ({0} people&apos;s personal data shown)</source>
        <translation>打开案件（显示了{0}人的个人信息）</translation>
    </message>
    <message>
        <source>{0} applicants added</source>
        <translation>新增申请人{0}人</translation>
    </message>
    <message>
        <source>a respondent added</source>
        <translation>新增被申请人</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Claims &amp;&amp; recoveries</source>
        <translation>欠薪与追回</translation>
    </message>
    <message>
        <source>Referrals, mediation, proceedings</source>
        <translation>转介/调解/仲裁诉讼</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>载入中…</translation>
    </message>
    <message>
        <source>This case was changed elsewhere while you were editing the overview. Your edits are kept; saving will ask whether to overwrite.</source>
        <translation>你编辑概况期间，本案件已在别处被修改。你的修改仍保留；保存时会询问是否覆盖。</translation>
    </message>
    <message>
        <source>Show &amp;their version</source>
        <translation>显示对方的版本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Version {0} · loaded</source>
        <translation>版本 {0} · 已载入</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>此案件已不存在。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The overview of this case has unsaved changes. Save them?</source>
        <translation>本案件概况有未保存的修改，是否保存？</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Show &amp;done deadlines</source>
        <translation>显示已完成的期限(&amp;D)</translation>
    </message>
    <message>
        <source>Mark &amp;done / not done</source>
        <translation>标记完成/未完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New deadline…</source>
        <translation>新建期限(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation>改期(&amp;S)…</translation>
    </message>
    <message>
        <source>Statutory deadlines in crimson, overdue in red, done in grey. Hover a deadline for how its date was computed.</source>
        <translation>法定期限以深红色显示，逾期为红色，已完成为灰色。鼠标停在期限上可查看日期的计算过程。</translation>
    </message>
    <message>
        <source>(done {0})</source>
        <translation>（{0} 完成）</translation>
    </message>
    <message>
        <source>That deadline was changed elsewhere; it has been reloaded.</source>
        <translation>该期限已在别处被修改，已重新载入。</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新建期限</translation>
    </message>
    <message>
        <source>Statutory &amp;rule</source>
        <translation>法定期限规则(&amp;R)</translation>
    </message>
    <message>
        <source>(none: set the date by hand)</source>
        <translation>（无：手工设定日期）</translation>
    </message>
    <message>
        <source>Rule &amp;starts on</source>
        <translation>起算日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Due on (by hand)</source>
        <translation>到期日（手工）(&amp;D)</translation>
    </message>
    <message>
        <source>Res&amp;ponsible</source>
        <translation>负责人(&amp;P)</translation>
    </message>
    <message>
        <source>(lead staff)</source>
        <translation>（承办人）</translation>
    </message>
    <message>
        <source>Remind days &amp;before</source>
        <translation>提前提醒天数(&amp;B)</translation>
    </message>
    <message>
        <source>Reschedule: {0}</source>
        <translation>改期：{0}</translation>
    </message>
    <message>
        <source>&amp;New due date</source>
        <translation>新的到期日(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Attach evidence file…</source>
        <translation>添加证据文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Generate document…</source>
        <translation>生成文书(&amp;G)…</translation>
    </message>
    <message>
        <source>Generated documents are written to {0}</source>
        <translation>生成的文书保存在 {0}</translation>
    </message>
    <message>
        <source>{0} no longer matches the hash recorded when it was added: it was changed since. Open it anyway?</source>
        <translation>{0} 与添加时登记的哈希值不符，文件已被改动。仍要打开吗？</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Attached {0} (SHA-256 {1}…).</source>
        <translation>已添加 {0}（SHA-256 {1}…）。</translation>
    </message>
    <message>
        <source>File changed</source>
        <translation>文件已改动</translation>
    </message>
    <message>
        <source>Generate a document</source>
        <translation>生成文书</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>Word (.docx)</source>
        <translation>Word（.docx）</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Generated {0}.</source>
        <translation>已生成 {0}。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>（系统）</translation>
    </message>
    <message>
        <source>Did</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Show &amp;views of personal data</source>
        <translation>显示查看个人信息的记录(&amp;V)</translation>
    </message>
    <message>
        <source>{0} events</source>
        <translation>共 {0} 条记录</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import workers from a sheet</source>
        <translation>从表格导入职工</translation>
    </message>
    <message>
        <source>{0} (sheet “{1}”): {2} rows — {3} can be imported, {4} have problems and will not be imported.</source>
        <translation>{0}（工作表“{1}”）：共 {2} 行，其中 {3} 行可以导入，{4} 行有问题、不会导入。</translation>
    </message>
    <message>
        <source>{0} of them are already on file and will be linked, not copied.</source>
        <translation>其中 {0} 人已在系统中，将关联已有记录，不重复建档。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Amount owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已建档</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>关联已有</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>有问题的行（{0}）</translation>
    </message>
    <message>
        <source>To import ({0})</source>
        <translation>将导入的行（{0}）</translation>
    </message>
    <message>
        <source>(not specified)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Wages owed &amp;by</source>
        <translation>欠薪单位(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import {0} workers</source>
        <translation>导入 {0} 名职工(&amp;I)</translation>
    </message>
    <message>
        <source>Importing workers…</source>
        <translation>正在导入职工…</translation>
    </message>
</context>
<context>
    <name>InstalmentEditor</name>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Add &amp;instalment</source>
        <translation>添加一期(&amp;I)</translation>
    </message>
    <message>
        <source>Remove last</source>
        <translation>删除最后一期</translation>
    </message>
</context>
<context>
    <name>MoneyTab</name>
    <message>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>主张</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未追回</translation>
    </message>
    <message>
        <source>Owed by</source>
        <translation>欠薪单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>欠薪期间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <source>(whole case)</source>
        <translation>（全案）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款状态</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未付</translation>
    </message>
    <message>
        <source>Add &amp;claim…</source>
        <translation>登记欠薪(&amp;C)…</translation>
    </message>
    <message>
        <source>Change claim &amp;amount…</source>
        <translation>修改欠薪金额(&amp;A)…</translation>
    </message>
    <message>
        <source>Record &amp;payment received…</source>
        <translation>登记追回款项(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;verse payment…</source>
        <translation>冲销款项(&amp;V)…</translation>
    </message>
    <message>
        <source>Instalment p&amp;lan…</source>
        <translation>分期计划(&amp;L)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per worker&lt;/b&gt;</source>
        <translation>&lt;b&gt;按职工汇总&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wage claims&lt;/b&gt;</source>
        <translation>&lt;b&gt;欠薪主张&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovery ledger&lt;/b&gt; (one row per payment)</source>
        <translation>&lt;b&gt;追回台账&lt;/b&gt;（每笔到账一行）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Instalments&lt;/b&gt;</source>
        <translation>&lt;b&gt;分期付款&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Case totals: claimed &lt;b&gt;{0}&lt;/b&gt;, awarded &lt;b&gt;{1}&lt;/b&gt;, recovered &lt;b&gt;{2}&lt;/b&gt; (wages {3}), outstanding &lt;b&gt;{4}&lt;/b&gt;.</source>
        <translation>全案合计：主张 &lt;b&gt;{0}&lt;/b&gt;，裁决/判决 &lt;b&gt;{1}&lt;/b&gt;，已追回 &lt;b&gt;{2}&lt;/b&gt;（其中工资 {3}），未追回 &lt;b&gt;{4}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>{0} of the recoveries were paid for the whole case, not to a named worker.</source>
        <translation>追回款中有 {0} 按全案支付，未分到个人。</translation>
    </message>
    <message>
        <source>(not specified)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Add wage claim</source>
        <translation>登记欠薪主张</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>职工(&amp;W)</translation>
    </message>
    <message>
        <source>Owed &amp;by</source>
        <translation>欠薪单位(&amp;B)</translation>
    </message>
    <message>
        <source>Owed &amp;from</source>
        <translation>欠薪起始(&amp;F)</translation>
    </message>
    <message>
        <source>Owed &amp;to</source>
        <translation>欠薪截止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Change claim: {0}</source>
        <translation>修改欠薪：{0}</translation>
    </message>
    <message>
        <source>Record a payment received</source>
        <translation>登记追回款项</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>到账日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>付款方(&amp;P)</translation>
    </message>
    <message>
        <source>For &amp;worker</source>
        <translation>归属职工(&amp;W)</translation>
    </message>
    <message>
        <source>Pays &amp;instalment</source>
        <translation>对应分期(&amp;I)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reverse payment of {0} received {1}</source>
        <translation>冲销 {1} 到账的 {0}</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Instalment plan</source>
        <translation>分期计划</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Written</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>修改次数</translation>
    </message>
    <message>
        <source>New note… (Ctrl+Enter adds it)</source>
        <translation>新备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>添加备注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit selected note…</source>
        <translation>修改所选备注(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Write a note</source>
        <translation>写备注(&amp;W)</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>此前的版本</translation>
    </message>
    <message>
        <source>Edit note (the earlier text is kept)</source>
        <translation>修改备注（原文保留）</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Edit {0}</source>
        <translation>修改{0}</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚未确定）</translation>
    </message>
    <message>
        <source>yuan, e.g. 12,800.00</source>
        <translation>元，如 12,800.00</translation>
    </message>
    <message>
        <source>Urgent (a deadline ends within 7 days)</source>
        <translation>紧急（7日内有期限届满）</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dispute type</source>
        <translation>案由(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Handling</source>
        <translation>办理方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>登记日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lead staff</source>
        <translation>承办人(&amp;L)</translation>
    </message>
    <message>
        <source>Assisting sta&amp;ff</source>
        <translation>协办人员(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>涉及职工人数(&amp;W)</translation>
    </message>
    <message>
        <source>Amount &amp;claimed</source>
        <translation>主张金额(&amp;C)</translation>
    </message>
    <message>
        <source>Amount a&amp;warded</source>
        <translation>裁决金额(&amp;W)</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>F&amp;acts</source>
        <translation>案情(&amp;A)</translation>
    </message>
    <message>
        <source>Claim&amp;s</source>
        <translation>请求事项(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>保存案件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Unsaved changes: {0}</source>
        <translation>未保存的修改：{0}</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>工种/职业</translation>
    </message>
    <message>
        <source>Migrant</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>主张</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>&amp;Add applicant…</source>
        <translation>添加申请人(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit applicant…</source>
        <translation>修改申请人(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import workers from Excel…</source>
        <translation>从Excel导入职工(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;move applicant</source>
        <translation>移除申请人(&amp;M)</translation>
    </message>
    <message>
        <source>Add res&amp;pondent…</source>
        <translation>添加被申请人(&amp;P)…</translation>
    </message>
    <message>
        <source>Edit respo&amp;ndent…</source>
        <translation>修改被申请人(&amp;N)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve respondent</source>
        <translation>移除被申请人(&amp;V)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applicants&lt;/b&gt;</source>
        <translation>&lt;b&gt;申请人&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Respondents&lt;/b&gt; (contractor chain: a subcontractor sits under the contractor above it)</source>
        <translation>&lt;b&gt;被申请人&lt;/b&gt;（承包链：分包单位列在其上级承包单位之下）</translation>
    </message>
    <message>
        <source>{0} applicants; {1} workers concerned</source>
        <translation>申请人 {0} 人；涉及职工 {1} 人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>(from the ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>工种/职业(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Employment form</source>
        <translation>用工形式(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Legal relation</source>
        <translation>法律关系(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Hukou</source>
        <translation>户籍类型(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Migrant worker</source>
        <translation>农民工(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Union member</source>
        <translation>工会会员(&amp;U)</translation>
    </message>
    <message>
        <source>Hards&amp;hip worker</source>
        <translation>困难职工(&amp;H)</translation>
    </message>
    <message>
        <source>Add applicant</source>
        <translation>添加申请人</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>Edit applicant: {0}</source>
        <translation>修改申请人：{0}</translation>
    </message>
    <message>
        <source>Remove from the case</source>
        <translation>从本案移除</translation>
    </message>
    <message>
        <source>Remove {0} from this case? The record itself is kept.</source>
        <translation>将 {0} 从本案移除？其档案本身会保留。</translation>
    </message>
    <message>
        <source>Worker list</source>
        <translation>职工名单</translation>
    </message>
    <message>
        <source>Excel sheets (*.xlsx *.xlsm)</source>
        <translation>Excel 表格 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Checking the worker sheet…</source>
        <translation>正在检查职工名单…</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>法定代表人(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>Add respondent</source>
        <translation>添加被申请人</translation>
    </message>
    <message>
        <source>(top of the chain)</source>
        <translation>（承包链顶端）</translation>
    </message>
    <message>
        <source>&amp;Under</source>
        <translation>上级承包单位(&amp;U)</translation>
    </message>
    <message>
        <source>Edit respondent: {0}</source>
        <translation>修改被申请人：{0}</translation>
    </message>
</context>
<context>
    <name>ProcedureDialogs</name>
    <message>
        <source>Record a referral</source>
        <translation>登记转介</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>方向(&amp;D)</translation>
    </message>
    <message>
        <source>Outgoing (we send the case)</source>
        <translation>转出（我方移送）</translation>
    </message>
    <message>
        <source>Incoming (sent to us)</source>
        <translation>转入（移送给我方）</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>机构类型(&amp;B)</translation>
    </message>
    <message>
        <source>Body &amp;name</source>
        <translation>机构名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Their &amp;reference no.</source>
        <translation>对方文号(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sent on</source>
        <translation>发出日期(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Referral to {0}</source>
        <translation>转介：{0}</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accepted on</source>
        <translation>受理日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <source>Outcome o&amp;n</source>
        <translation>结果日期(&amp;N)</translation>
    </message>
    <message>
        <source>Start mediation</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <source>&amp;Started on</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mediator</source>
        <translation>调解员(&amp;M)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Under &amp;referral</source>
        <translation>所属转介(&amp;R)</translation>
    </message>
    <message>
        <source>Mediation session</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>&amp;Held at</source>
        <translation>时间(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>&amp;Agreed on</source>
        <translation>协议日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Performance deadline</source>
        <translation>履行期限(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Instalments (optional; must add up)</source>
        <translation>分期（可选，合计须等于协议金额）(&amp;I)</translation>
    </message>
    <message>
        <source>Mediation: performance and confirmation</source>
        <translation>调解：履行与司法确认</translation>
    </message>
    <message>
        <source>&amp;Performance</source>
        <translation>履行情况(&amp;P)</translation>
    </message>
    <message>
        <source>Performed o&amp;n</source>
        <translation>履行日期(&amp;N)</translation>
    </message>
    <message>
        <source>Judicial &amp;confirmation</source>
        <translation>司法确认(&amp;C)</translation>
    </message>
    <message>
        <source>Con&amp;firmed on</source>
        <translation>确认日期(&amp;F)</translation>
    </message>
    <message>
        <source>Arbitration or litigation</source>
        <translation>仲裁或诉讼</translation>
    </message>
    <message>
        <source>&amp;Tribunal / court</source>
        <translation>仲裁委/法院(&amp;T)</translation>
    </message>
    <message>
        <source>Case &amp;no. there</source>
        <translation>仲裁/法院案号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Applied on</source>
        <translation>申请日期(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ccepted on</source>
        <translation>受理日期(&amp;C)</translation>
    </message>
    <message>
        <source>Accepted: {0}</source>
        <translation>受理：{0}</translation>
    </message>
    <message>
        <source>Hearing: {0}</source>
        <translation>开庭：{0}</translation>
    </message>
    <message>
        <source>Award or judgment: {0}</source>
        <translation>裁决或判决：{0}</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>收到日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Amount awarded (yuan)</source>
        <translation>裁决金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;sult</source>
        <translation>结果(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ProceduresTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Body / details</source>
        <translation>机构/详情</translation>
    </message>
    <message>
        <source>Status / result</source>
        <translation>状态/结果</translation>
    </message>
    <message>
        <source>&amp;Referral…</source>
        <translation>转介(&amp;R)…</translation>
    </message>
    <message>
        <source>Referral &amp;outcome…</source>
        <translation>转介结果(&amp;O)…</translation>
    </message>
    <message>
        <source>Start &amp;mediation…</source>
        <translation>开始调解(&amp;M)…</translation>
    </message>
    <message>
        <source>Mediation &amp;session…</source>
        <translation>调解记录(&amp;S)…</translation>
    </message>
    <message>
        <source>Mediation a&amp;greement…</source>
        <translation>调解协议(&amp;G)…</translation>
    </message>
    <message>
        <source>Performance / &amp;confirmation…</source>
        <translation>履行/司法确认(&amp;C)…</translation>
    </message>
    <message>
        <source>Arbitration / &amp;litigation…</source>
        <translation>仲裁/诉讼(&amp;L)…</translation>
    </message>
    <message>
        <source>Acce&amp;pted…</source>
        <translation>已受理(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Hearing…</source>
        <translation>开庭(&amp;H)…</translation>
    </message>
    <message>
        <source>Award / &amp;judgment…</source>
        <translation>裁决/判决(&amp;J)…</translation>
    </message>
    <message>
        <source>Referral:</source>
        <translation>转介：</translation>
    </message>
    <message>
        <source>Mediation:</source>
        <translation>调解：</translation>
    </message>
    <message>
        <source>Proceedings:</source>
        <translation>仲裁诉讼：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deadlines these events started&lt;/b&gt; (open ones; the newest in bold)</source>
        <translation>&lt;b&gt;上述事项产生的期限&lt;/b&gt;（未完成的；新产生的加粗）</translation>
    </message>
    <message>
        <source>Record a referral first.</source>
        <translation>请先登记转介。</translation>
    </message>
    <message>
        <source>Start a mediation first.</source>
        <translation>请先开始调解。</translation>
    </message>
    <message>
        <source>Record an arbitration or litigation stage first.</source>
        <translation>请先登记仲裁或诉讼。</translation>
    </message>
    <message>
        <source>New deadlines:</source>
        <translation>新产生的期限：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Referral {0} {1}</source>
        <translation>转介{0}{1}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Mediation ({0})</source>
        <translation>调解（{0}）</translation>
    </message>
    <message>
        <source>Mediator: {0}</source>
        <translation>调解员：{0}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>{0}, to be performed by {1}</source>
        <translation>{0}，{1}前履行</translation>
    </message>
    <message>
        <source>accepted {0}</source>
        <translation>{0} 受理</translation>
    </message>
    <message>
        <source>awaiting acceptance</source>
        <translation>待受理</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>appeal by {0}</source>
        <translation>{0}前可起诉/上诉</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Change status: {0} → {1}</source>
        <translation>变更状态：{0} → {1}</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>&amp;Accepted on</source>
        <translation>受理日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Closed on</source>
        <translation>结案日期(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refused on</source>
        <translation>不予受理日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结案方式(&amp;O)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Closing &amp;summary</source>
        <translation>结案小结(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>WorkerImport</name>
    <message>
        <source>Imported from the worker sheet, row {0}</source>
        <translation>由职工名单导入，第{0}行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>工种/职业</translation>
    </message>
    <message>
        <source>Amount owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <source>Owed from</source>
        <translation>欠薪起始</translation>
    </message>
    <message>
        <source>Owed to</source>
        <translation>欠薪截止</translation>
    </message>
    <message>
        <source>Hukou</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Union member</source>
        <translation>工会会员</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未填写</translation>
    </message>
</context>
</TS>
