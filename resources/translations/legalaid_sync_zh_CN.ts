<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Two desks changed these fields without seeing each other&apos;s edit. The field keeps its first value until you choose one, or enter a combined value. The choice reaches the other desks with the next sync.</source>
        <translation>以下字段在两台电脑上被同时修改。在您选定之前，字段保留先到达服务器的值；请选择其中一个值，或输入合并后的值。您的选择将在下次同步时送达其他电脑。</translation>
    </message>
    <message>
        <source>&amp;Use the selected value</source>
        <translation>采用选中的值(&amp;U)</translation>
    </message>
    <message>
        <source>Or a combined value:</source>
        <translation>或输入合并值：</translation>
    </message>
    <message>
        <source>Use &amp;combined value</source>
        <translation>采用合并值(&amp;C)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>%1 — %2 of %3; now: %4</source>
        <translation>%1 — %3的“%2”；当前值：%4</translation>
    </message>
    <message>
        <source>%1 — set by %2 at %3</source>
        <translation>%1 — %2 于 %3 修改</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation>（当前值）</translation>
    </message>
    <message>
        <source>amount in yuan, e.g. 13000.00</source>
        <translation>金额（元），如 13000.00</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>各方的值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Chosen %1, sent at next sync</source>
        <translation>已选 %1，下次同步时生效</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync: synchronising…</source>
        <translation>同步：正在同步…</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Sync: not set up (working offline)</source>
        <translation>同步：未设置（离线工作）</translation>
    </message>
    <message>
        <source>Sync: not signed in (working offline)</source>
        <translation>同步：未登录（离线工作）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Sync: last %1, pending %2, conflicts %3</source>
        <translation>同步：上次 %1，待上传 %2，冲突 %3</translation>
    </message>
    <message>
        <source>, refused %1</source>
        <translation>，被拒收 %1</translation>
    </message>
</context>
<context>
    <name>SyncSettingsTab</name>
    <message>
        <source>Sync server</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation>登录并同步</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>only on demand (F9)</source>
        <translation>仅手动（F9）</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Sync every:</source>
        <translation>自动同步间隔：</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://sync.example.org</source>
        <translation>请输入服务器地址，如 https://sync.example.org</translation>
    </message>
    <message>
        <source>Enter the user name and the password</source>
        <translation>请输入用户名和密码</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>Click to see the sync conflicts</source>
        <translation>点击查看同步冲突</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Synchronise with the sync server now (F9)</source>
        <translation>立即与同步服务器同步（F9）</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
</context>
</TS>
