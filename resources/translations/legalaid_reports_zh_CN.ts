<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReportView</name>
    <message>
        <source>Month</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年报</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Cases accepted</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Workers benefited</source>
        <translation>受益职工</translation>
    </message>
    <message>
        <source>Economic loss recovered</source>
        <translation>挽回经济损失</translation>
    </message>
    <message>
        <source>Wage arrears recovered</source>
        <translation>追回欠薪</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Computing the summary</source>
        <translation>正在统计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Open at end</source>
        <translation>期末在办</translation>
    </message>
    <message>
        <source>Consultations by channel</source>
        <translation>咨询渠道</translation>
    </message>
    <message>
        <source>Consultations by topic</source>
        <translation>咨询事项</translation>
    </message>
    <message>
        <source>Cases by dispute type</source>
        <translation>按争议类型</translation>
    </message>
    <message>
        <source>Cases by source</source>
        <translation>按案件来源</translation>
    </message>
    <message>
        <source>Cases by handling method</source>
        <translation>按办理方式</translation>
    </message>
    <message>
        <source>Closed cases by outcome</source>
        <translation>结案结果</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>受益职工</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Migrant workers</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>New forms of employment</source>
        <translation>新就业形态劳动者</translation>
    </message>
    <message>
        <source>Workers in hardship</source>
        <translation>困难职工</translation>
    </message>
    <message>
        <source>Union members</source>
        <translation>工会会员</translation>
    </message>
    <message>
        <source>Group cases</source>
        <translation>群体性案件</translation>
    </message>
    <message>
        <source>Workers in group cases</source>
        <translation>群体性案件涉及职工</translation>
    </message>
    <message>
        <source>Money recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>转介去向</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Mediations</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未成功</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <source>Agreed amount</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Deadlines missed</source>
        <translation>超期期限</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>各单位情况</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>同比环比</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Exporting the summary</source>
        <translation>正在导出统计报表</translation>
    </message>
</context>
</TS>
