<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignCharts</name>
    <message>
        <source>millions</source>
        <translation>百万</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <source>Amount off (%1)</source>
        <translation>减免金额（%1）</translation>
    </message>
    <message>
        <source>Points multiplier (×)</source>
        <translation>积分倍数（×）</translation>
    </message>
    <message>
        <source>Discount (% off)</source>
        <translation>折扣力度（减 %）</translation>
    </message>
    <message>
        <source>Extra margin</source>
        <translation>新增毛利</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Subsidy</source>
        <translation>补贴</translation>
    </message>
    <message>
        <source>Contact cost</source>
        <translation>触达成本</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Margin on the extra sales</source>
        <translation>新增销售的毛利</translation>
    </message>
    <message>
        <source>Costs (discount, subsidy, contacts)</source>
        <translation>成本（折扣、补贴、触达）</translation>
    </message>
    <message>
        <source>Incremental profit</source>
        <translation>增量利润</translation>
    </message>
    <message>
        <source>Where the incremental profit comes from</source>
        <translation>增量利润从何而来</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>预期金额</translation>
    </message>
    <message>
        <source>Expected incremental profit</source>
        <translation>预期增量利润</translation>
    </message>
    <message>
        <source>Incremental profit by targeting depth</source>
        <translation>不同覆盖深度下的增量利润</translation>
    </message>
    <message>
        <source>This campaign (%1 of eligible users)</source>
        <translation>本活动（覆盖 %1 的合格用户）</translation>
    </message>
    <message>
        <source>Users reached, best first (% of eligible users)</source>
        <translation>覆盖用户，按优先级排序（占合格用户的 %）</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Incremental ROI</source>
        <translation>增量 ROI</translation>
    </message>
    <message>
        <source>Return on the campaign&apos;s cost by discount depth</source>
        <translation>不同折扣力度下的活动成本回报</translation>
    </message>
    <message>
        <source>This campaign</source>
        <translation>本活动</translation>
    </message>
    <message>
        <source>Return per unit of cost (×)</source>
        <translation>每单位成本的回报（×）</translation>
    </message>
    <message>
        <source>Incremental profit by segment</source>
        <translation>各人群的增量利润</translation>
    </message>
    <message>
        <source>Expected redemptions</source>
        <translation>预期核销数</translation>
    </message>
    <message>
        <source>Expected redemptions by hour of the sale</source>
        <translation>秒杀期间每小时的预期核销数</translation>
    </message>
    <message>
        <source>Hour starting (UTC)</source>
        <translation>小时开始时间（UTC）</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>核销数</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>本模型</translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Calibration on the test rows</source>
        <translation>测试集上的校准</translation>
    </message>
    <message>
        <source>Expected total cost</source>
        <translation>预期总成本</translation>
    </message>
    <message>
        <source>The campaigns side by side</source>
        <translation>活动并排对比</translation>
    </message>
    <message>
        <source>This model (AUC %1)</source>
        <translation>本模型（AUC %1）</translation>
    </message>
    <message>
        <source>ROC curve on the test rows</source>
        <translation>测试集上的 ROC 曲线</translation>
    </message>
    <message>
        <source>Guessing</source>
        <translation>随机猜测</translation>
    </message>
    <message>
        <source>Cumulative gain on the test rows</source>
        <translation>测试集上的累计增益</translation>
    </message>
    <message>
        <source>Random order</source>
        <translation>随机顺序</translation>
    </message>
    <message>
        <source>This model (Qini %1)</source>
        <translation>本模型（Qini %1）</translation>
    </message>
    <message>
        <source>Qini curve on the test rows</source>
        <translation>测试集上的 Qini 曲线</translation>
    </message>
    <message>
        <source>Random targeting</source>
        <translation>随机投放</translation>
    </message>
    <message>
        <source>Incremental positives</source>
        <translation>增量正例数</translation>
    </message>
    <message>
        <source>Share of the importance</source>
        <translation>重要性占比</translation>
    </message>
    <message>
        <source>What drives the predictions</source>
        <translation>影响预测的因素</translation>
    </message>
    <message>
        <source>Share of the importance (%)</source>
        <translation>重要性占比（%）</translation>
    </message>
    <message>
        <source>Predicted (%)</source>
        <translation>预测（%）</translation>
    </message>
    <message>
        <source>Observed (%)</source>
        <translation>实际（%）</translation>
    </message>
    <message>
        <source>False positive rate (%)</source>
        <translation>假阳性率（%）</translation>
    </message>
    <message>
        <source>True positive rate (%)</source>
        <translation>真阳性率（%）</translation>
    </message>
    <message>
        <source>Users contacted, best first (%)</source>
        <translation>触达用户，按得分从高到低（%）</translation>
    </message>
    <message>
        <source>Positives found (%)</source>
        <translation>找到的正例（%）</translation>
    </message>
    <message>
        <source>Users targeted, best first (%)</source>
        <translation>投放用户，按预测提升从高到低（%）</translation>
    </message>
    <message>
        <source>Reached users</source>
        <translation>覆盖用户</translation>
    </message>
    <message>
        <source>Reached users by their chance to redeem</source>
        <translation>覆盖用户的核销概率分布</translation>
    </message>
    <message>
        <source>Chance to redeem (bins of %1, from)</source>
        <translation>核销概率（每组 %1，起点）</translation>
    </message>
    <message>
        <source>Share of reached users (%)</source>
        <translation>占覆盖用户比例（%）</translation>
    </message>
    <message>
        <source>Incremental profit by users reached, best first</source>
        <translation>增量利润随覆盖用户数变化（由优至次）</translation>
    </message>
    <message>
        <source>Users reached</source>
        <translation>覆盖用户</translation>
    </message>
</context>
<context>
    <name>HtmlText</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PdfReportWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>cannot write %1: the PDF could not be drawn</source>
        <translation>无法写入 %1：PDF 无法绘制</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Campaign comparison: %1 campaigns</source>
        <translation>营销活动对比：%1 个活动</translation>
    </message>
    <message>
        <source>Campaign report: %1</source>
        <translation>营销活动报告：%1</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>工作区 %1</translation>
    </message>
    <message>
        <source>Campaign Workbench · generated %1</source>
        <translation>营销活动工作台 · 生成于 %1</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>限时秒杀</translation>
    </message>
    <message>
        <source>Member-exclusive offer</source>
        <translation>会员专享</translation>
    </message>
    <message>
        <source>E-mail campaign</source>
        <translation>邮件活动</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>%1 · %2 · created %3</source>
        <translation>%1 · %2 · 创建于 %3</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Data period</source>
        <translation>数据期间</translation>
    </message>
    <message>
        <source>no dated orders or events</source>
        <translation>没有带日期的订单或行为</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>%1 users, %2 orders, %3 events</source>
        <translation>%1 位用户，%2 笔订单，%3 条行为</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>not recorded in the workspace (amounts in the data&apos;s own unit)</source>
        <translation>工作区未记录（金额为数据本身的单位）</translation>
    </message>
    <message>
        <source>The campaigns side by side</source>
        <translation>活动并排对比</translation>
    </message>
    <message>
        <source>Expected (%1 % interval)</source>
        <translation>预期（%1 % 区间）</translation>
    </message>
    <message>
        <source>no forecast</source>
        <translation>无预测</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Users reached</source>
        <translation>覆盖用户</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>核销数</translation>
    </message>
    <message>
        <source>Incremental conversions</source>
        <translation>增量转化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Incremental profit</source>
        <translation>增量利润</translation>
    </message>
    <message>
        <source>Incremental ROI</source>
        <translation>增量 ROI</translation>
    </message>
    <message>
        <source>Expected incremental profit and total cost of each campaign</source>
        <translation>各活动的预期增量利润与总成本</translation>
    </message>
    <message>
        <source>%1 % interval %2</source>
        <translation>%1 % 区间 %2</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>活动 %1：%2</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>No forecast: %1</source>
        <translation>无预测：%1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No read-out: %1</source>
        <translation>无复盘：%1</translation>
    </message>
    <message>
        <source>The offer</source>
        <translation>优惠内容</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Arms</source>
        <translation>实验组</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Channel, cost per contact</source>
        <translation>渠道，每次触达成本</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>%1 of the reached users, held out at random</source>
        <translation>覆盖用户的 %1，随机留出</translation>
    </message>
    <message>
        <source>Targeting depth</source>
        <translation>覆盖深度</translation>
    </message>
    <message>
        <source>the best %1 of the eligible users</source>
        <translation>合格用户中最优的 %1</translation>
    </message>
    <message>
        <source>Who it targets</source>
        <translation>目标人群</translation>
    </message>
    <message>
        <source>Every user of the workspace: %1.</source>
        <translation>工作区的全部用户：%1。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>included</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Together the segments select %1 users.</source>
        <translation>这些人群合计选出 %1 位用户。</translation>
    </message>
    <message>
        <source>The campaign reaches %1 of %2 eligible users: %3 get the offer and %4 are held out as the control group.</source>
        <translation>活动覆盖 %2 位合格用户中的 %1 位：%3 位收到优惠，%4 位留作对照组。</translation>
    </message>
    <message>
        <source>The budget of %1 is reached at %2 users.</source>
        <translation>预算 %1 在覆盖 %2 位用户时用完。</translation>
    </message>
    <message>
        <source>The quantity on offer runs out at %1 users.</source>
        <translation>优惠数量在覆盖 %1 位用户时用完。</translation>
    </message>
    <message>
        <source>of %1 eligible</source>
        <translation>合格用户 %1 位</translation>
    </message>
    <message>
        <source>Incremental revenue</source>
        <translation>增量收入</translation>
    </message>
    <message>
        <source>Discount to incremental buyers</source>
        <translation>给新增买家的折扣</translation>
    </message>
    <message>
        <source>Subsidy to buyers who would buy anyway</source>
        <translation>给本来就会购买者的补贴</translation>
    </message>
    <message>
        <source>Contact cost</source>
        <translation>触达成本</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Incremental figures are what the campaign adds over not running it; ROI = (revenue − cost) / cost, incremental ROI = incremental profit / cost. Predictions: %1.</source>
        <translation>增量数字是相对于不做活动所多出的部分；ROI =（收入 − 成本）/ 成本，增量 ROI = 增量利润 / 成本。预测来源：%1。</translation>
    </message>
    <message>
        <source>Where the incremental profit comes from</source>
        <translation>增量利润从何而来</translation>
    </message>
    <message>
        <source>Incremental profit by targeting depth</source>
        <translation>不同覆盖深度下的增量利润</translation>
    </message>
    <message>
        <source>ROI by discount depth</source>
        <translation>不同折扣力度下的 ROI</translation>
    </message>
    <message>
        <source>Expected redemptions by hour</source>
        <translation>每小时的预期核销数</translation>
    </message>
    <message>
        <source>By segment</source>
        <translation>按人群</translation>
    </message>
    <message>
        <source>Incremental profit by segment</source>
        <translation>各人群的增量利润</translation>
    </message>
    <message>
        <source>Results: treatment against control</source>
        <translation>结果：实验组对比对照组</translation>
    </message>
    <message>
        <source>What the campaign did, from its %1 exposures and the responses recorded after it. Rates with %2 % intervals; each treated arm against the control group with the difference, its interval and p-value (below 0.05: a difference this large would be rare if the offer made none). Margin %3, cost per contact %4.</source>
        <translation>活动的实际效果，依据 %1 次触达及其后记录的响应。比率带 %2 % 区间；每个实验组与对照组比较，给出差值、区间和 p 值（低于 0.05：如果优惠毫无作用，这么大的差异很少出现）。毛利率 %3，每次触达成本 %4。</translation>
    </message>
    <message>
        <source>control</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>all treated arms</source>
        <translation>全部实验组合计</translation>
    </message>
    <message>
        <source>treatment</source>
        <translation>实验组</translation>
    </message>
    <message>
        <source>%1: %2 users</source>
        <translation>%1：%2 位用户</translation>
    </message>
    <message>
        <source>%1 (%2): %3 users</source>
        <translation>%1（%2）：%3 位用户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>Against control</source>
        <translation>相对对照组</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>转化</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Revenue per user</source>
        <translation>人均收入</translation>
    </message>
    <message>
        <source>Profit per user</source>
        <translation>人均利润</translation>
    </message>
    <message>
        <source>Next wave: give this arm %1 of the treated traffic (Thompson sampling on %2).</source>
        <translation>下一波：给此组 %1 的实验流量（按 %2 做汤普森采样）。</translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation>预测与实际对比</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>%1 (model %2)</source>
        <translation>%1（模型 %2）</translation>
    </message>
    <message>
        <source>Treated users who %1</source>
        <translation>实验组中 %1 的用户</translation>
    </message>
    <message>
        <source>predicted %1, observed %2</source>
        <translation>预测 %1，实际 %2</translation>
    </message>
    <message>
        <source>AUC on this campaign</source>
        <translation>本活动上的 AUC</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>the model was trained on this campaign: the check is in-sample</source>
        <translation>模型用本活动训练过：此检验属于样本内</translation>
    </message>
    <message>
        <source>Predicted probability band</source>
        <translation>预测概率区间</translation>
    </message>
    <message>
        <source>Mean predicted</source>
        <translation>平均预测</translation>
    </message>
    <message>
        <source>Observed rate</source>
        <translation>实际比率</translation>
    </message>
    <message>
        <source>The model behind the forecast</source>
        <translation>预测所用的模型</translation>
    </message>
    <message>
        <source>%1 — model %2, trained %3</source>
        <translation>%1 — 模型 %2，训练于 %3</translation>
    </message>
    <message>
        <source>AUC on the test rows</source>
        <translation>测试集 AUC</translation>
    </message>
    <message>
        <source>%1 (0.5 is guessing, 1 is perfect; 0.6–0.75 is usual for offers)</source>
        <translation>%1（0.5 相当于猜测，1 为完美；优惠类通常为 0.6–0.75）</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>predictions are off by %1 on average across ten bins (mean predicted %2, observed %3)</source>
        <translation>十个分箱中预测平均偏差 %1（平均预测 %2，实际 %3）</translation>
    </message>
    <message>
        <source>Qini coefficient</source>
        <translation>Qini 系数</translation>
    </message>
    <message>
        <source>%1 (above 0: ranks users by their response to the offer better than chance)</source>
        <translation>%1（大于 0：按用户对优惠的响应排序优于随机）</translation>
    </message>
    <message>
        <source>Uplift in the top 30 %</source>
        <translation>前 30 % 用户的提升</translation>
    </message>
    <message>
        <source>%1, against %2 over all users</source>
        <translation>%1，全部用户为 %2</translation>
    </message>
    <message>
        <source>Calibration of %1</source>
        <translation>%1 的校准</translation>
    </message>
    <message>
        <source>Purchase model</source>
        <translation>购买模型</translation>
    </message>
    <message>
        <source>Redemption model</source>
        <translation>核销模型</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>%1 of revenue, before the discount</source>
        <translation>收入的 %1（折扣前）</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>%1 per order, as given</source>
        <translation>每单 %1（给定）</translation>
    </message>
    <message>
        <source>each user&apos;s average paid order; %1 (the median) for users without orders</source>
        <translation>每位用户的平均支付订单额；无订单用户取 %1（中位数）</translation>
    </message>
    <message>
        <source>Cost per contact</source>
        <translation>每次触达成本</translation>
    </message>
    <message>
        <source>Value of a point</source>
        <translation>每积分价值</translation>
    </message>
    <message>
        <source>History used</source>
        <translation>所用历史</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Intervals</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>%1 %: the spread of outcomes and the model&apos;s measured error on campaigns it had not seen</source>
        <translation>%1 %：结果的离散程度，加上模型在未见过的活动上实测的误差</translation>
    </message>
    <message>
        <source>Read this before deciding</source>
        <translation>决策前请阅读</translation>
    </message>
    <message>
        <source>This campaign has run. The forecast below is what today&apos;s models say of its terms, from the history before its start; the results further on are what happened.</source>
        <translation>此活动已执行。下面的预测是当前模型根据活动开始前的历史对其条款给出的结果；后面的结果部分是实际发生的情况。</translation>
    </message>
</context>
<context>
    <name>cwb::cli</name>
    <message>
        <source>unknown option --%1 for &quot;cwb %2&quot; (see cwb %2 --help)</source>
        <translation>“cwb %2”没有选项 --%1（参见 cwb %2 --help）</translation>
    </message>
    <message>
        <source>--%1 takes no value</source>
        <translation>--%1 不接受取值</translation>
    </message>
    <message>
        <source>--%1 needs a value (%2)</source>
        <translation>--%1 需要一个取值（%2）</translation>
    </message>
    <message>
        <source>missing arguments; usage: cwb %1 %2</source>
        <translation>缺少参数；用法：cwb %1 %2</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; usage: cwb %2 %3</source>
        <translation>多余的参数“%1”；用法：cwb %2 %3</translation>
    </message>
    <message>
        <source>usage: cwb %1 %2

%3
</source>
        <translation>用法：cwb %1 %2

%3
</translation>
    </message>
    <message>
        <source>options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>exit codes: 0 success, 1 the work failed (message on stderr), 2 bad usage</source>
        <translation>退出码：0 成功，1 执行失败（错误信息输出到 stderr），2 用法错误</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数（收到“%4”）</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 必须是 %2 到 %3 之间的数字（收到“%4”）</translation>
    </message>
</context>
<context>
    <name>cwb::model</name>
    <message>
        <source>delimiter %1 splits %2 of %3 sampled lines into %4 fields</source>
        <translation>分隔符 %1 将抽样的 %3 行中的 %2 行拆分为 %4 个字段</translation>
    </message>
    <message>
        <source>no delimiter found: one column per line</source>
        <translation>未找到分隔符：每行一列</translation>
    </message>
    <message>
        <source>this is an Excel workbook or a zip archive, not a CSV file; in Excel use File &gt; Save As &gt; CSV UTF-8, then import that file</source>
        <translation>这是 Excel 工作簿或 zip 压缩包，不是 CSV 文件；请在 Excel 中选择“文件 &gt; 另存为 &gt; CSV UTF-8”，再导入该文件</translation>
    </message>
    <message>
        <source>this is an old Excel (.xls) file, not a CSV file; save it as CSV UTF-8 first</source>
        <translation>这是旧版 Excel（.xls）文件，不是 CSV 文件；请先另存为 CSV UTF-8</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot; (use utf-8, gbk, gb18030, latin1, windows-1252, utf-16 ...)</source>
        <translation>未知编码“%1”（可用 utf-8、gbk、gb18030、latin1、windows-1252、utf-16 等）</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>已指定</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>UTF-8 byte-order mark</source>
        <translation>UTF-8 字节序标记（BOM）</translation>
    </message>
    <message>
        <source>UTF-16 (little-endian) byte-order mark</source>
        <translation>UTF-16（小端）字节序标记</translation>
    </message>
    <message>
        <source>UTF-16 (big-endian) byte-order mark</source>
        <translation>UTF-16（大端）字节序标记</translation>
    </message>
    <message>
        <source>zero bytes in every other position (UTF-16 little-endian)</source>
        <translation>每隔一个字节为零（UTF-16 小端）</translation>
    </message>
    <message>
        <source>zero bytes in every other position (UTF-16 big-endian)</source>
        <translation>每隔一个字节为零（UTF-16 大端）</translation>
    </message>
    <message>
        <source>only ASCII characters seen</source>
        <translation>只出现了 ASCII 字符</translation>
    </message>
    <message>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with a few invalid bytes</source>
        <translation>UTF-8，含少量无效字节</translation>
    </message>
    <message>
        <source>Chinese text in GBK/GB18030</source>
        <translation>GBK/GB18030 编码的中文</translation>
    </message>
    <message>
        <source>not UTF-8 or GBK; Western European (Windows-1252)</source>
        <translation>不是 UTF-8 或 GBK；按西欧编码（Windows-1252）读取</translation>
    </message>
    <message>
        <source>not UTF-8 or GBK; Latin-1</source>
        <translation>不是 UTF-8 或 GBK；按 Latin-1 读取</translation>
    </message>
    <message>
        <source>the workspace already holds users; demo data goes into a new, empty workspace</source>
        <translation>工作区中已有用户；演示数据只能写入新的空工作区</translation>
    </message>
    <message>
        <source>the disk is full; no demo data was written</source>
        <translation>磁盘已满；未写入任何演示数据</translation>
    </message>
    <message>
        <source>writing the demo data failed (%1); nothing was written</source>
        <translation>写入演示数据失败（%1）；未写入任何内容</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a whole number between %L1 and %L2</source>
        <translation>%L1 到 %L2 之间的整数</translation>
    </message>
    <message>
        <source>a number between %L1 and %L2</source>
        <translation>%L1 到 %L2 之间的数字</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>yes/no (1/0, true/false, 是/否)</source>
        <translation>是/否（1/0、true/false、是/否）</translation>
    </message>
    <message>
        <source>male / female / other (男 / 女)</source>
        <translation>男 / 女 / 其他（male / female / other）</translation>
    </message>
    <message>
        <source>view, search, cart, favorite or purchase (pv, buy, fav, 浏览, 购买 ...)</source>
        <translation>浏览、搜索、加购、收藏或购买（view、search、cart、favorite、purchase，或 pv、buy、fav 等）</translation>
    </message>
    <message>
        <source>treatment or control (实验组 / 对照组)</source>
        <translation>实验组或对照组（treatment / control）</translation>
    </message>
    <message>
        <source>coupon, flash_sale, member or email</source>
        <translation>coupon（优惠券）、flash_sale（秒杀）、member（会员专享）或 email（邮件）</translation>
    </message>
    <message>
        <source>draft, scheduled, running, completed or archived</source>
        <translation>draft（草稿）、scheduled（已排期）、running（进行中）、completed（已结束）或 archived（已归档）</translation>
    </message>
    <message>
        <source>paid or cancelled</source>
        <translation>paid（已支付）或 cancelled（已取消）</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>a user id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>a campaign name or id</source>
        <translation>活动名称或 ID</translation>
    </message>
    <message>
        <source>a segment name</source>
        <translation>人群名称</translation>
    </message>
    <message>
        <source>--map expects field=column pairs separated by commas; &quot;%1&quot; has no field name</source>
        <translation>--map 需要用逗号分隔的“字段=列”对；“%1”缺少字段名</translation>
    </message>
    <message>
        <source>--map: &quot;%1&quot; is not a field of %2; its fields are: %3</source>
        <translation>--map：“%1”不是 %2 的字段；可用字段：%3</translation>
    </message>
    <message>
        <source>--map: the file has no column &quot;%1&quot;; its columns are: %2</source>
        <translation>--map：文件中没有“%1”列；文件的列：%2</translation>
    </message>
    <message>
        <source>--skip-columns: the file has no column &quot;%1&quot;; its columns are: %2</source>
        <translation>--skip-columns：文件中没有“%1”列；文件的列：%2</translation>
    </message>
    <message>
        <source>required field(s) %1 of %2 not found among the file&apos;s columns (%3); name the columns with --map, e.g. --map %4=&quot;Your Column&quot;</source>
        <translation>在文件的列（%3）中找不到 %2 的必填字段 %1；请用 --map 指定，例如 --map %4=&quot;你的列名&quot;</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot;; presets: %2</source>
        <translation>未知预设“%1”；可用预设：%2</translation>
    </message>
    <message>
        <source>say which table the file is for (--table) or use a preset (--preset)</source>
        <translation>请指定文件对应的表（--table）或使用预设（--preset）</translation>
    </message>
    <message>
        <source>cannot import into &quot;%1&quot;; tables: %2</source>
        <translation>不能导入到“%1”；可导入的表：%2</translation>
    </message>
    <message>
        <source>malformed quotes</source>
        <translation>引号格式错误</translation>
    </message>
    <message>
        <source>line %1, column %2: text follows a closing quote; a quote inside a quoted field must be doubled (&quot;&quot;)</source>
        <translation>第 %1 行第 %2 列：结束引号后还有文字；引号字段内的引号必须写成两个（&quot;&quot;）</translation>
    </message>
    <message>
        <source>NUL byte</source>
        <translation>NUL 字节</translation>
    </message>
    <message>
        <source>line %1, column %2: contains a NUL byte (binary data in a text file)</source>
        <translation>第 %1 行第 %2 列：含有 NUL 字节（文本文件中混入了二进制数据）</translation>
    </message>
    <message>
        <source>wrong number of fields</source>
        <translation>字段数不符</translation>
    </message>
    <message>
        <source>line %1: expected %2 fields as in the header, found %3</source>
        <translation>第 %1 行：表头有 %2 个字段，此行有 %3 个</translation>
    </message>
    <message>
        <source>invalid characters for the encoding</source>
        <translation>编码无效的字符</translation>
    </message>
    <message>
        <source>line %1, column %2 (%3): bytes that are not valid %4; the file may use another encoding (try --encoding gb18030 for Chinese files from Excel, or --encoding windows-1252)</source>
        <translation>第 %1 行第 %2 列（%3）：含有无效的 %4 字节；文件可能使用了其他编码（Excel 导出的中文文件可试 --encoding gb18030，或 --encoding windows-1252）</translation>
    </message>
    <message>
        <source>the workspace is read-only; nothing can be imported into it</source>
        <translation>工作区为只读，无法导入</translation>
    </message>
    <message>
        <source>cannot read the workspace: %1</source>
        <translation>无法读取工作区：%1</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was changed</source>
        <translation>导入已取消；未做任何更改</translation>
    </message>
    <message>
        <source>%L1 quote characters inside unquoted fields (like 12&quot; vinyl) were kept as text</source>
        <translation>%L1 个出现在无引号字段中的引号（如 12&quot; vinyl）已按文本保留</translation>
    </message>
    <message>
        <source>%L1 byte sequences were not valid %2 (first on line %3); the rows holding them were rejected</source>
        <translation>%L1 处字节不是有效的 %2（首次出现在第 %3 行）；含有它们的行已被拒绝</translation>
    </message>
    <message>
        <source>cannot write the rejects file %1: %2</source>
        <translation>无法写入拒绝记录文件 %1：%2</translation>
    </message>
    <message>
        <source>the disk is full; nothing was imported and the workspace is unchanged. Free some space and try again</source>
        <translation>磁盘已满；未导入任何数据，工作区保持不变。请释放空间后重试</translation>
    </message>
    <message>
        <source>the workspace is busy (another program is writing to it); nothing was imported</source>
        <translation>工作区正忙（另一个程序正在写入）；未导入任何数据</translation>
    </message>
    <message>
        <source>the workspace could not be written (%1); nothing was imported</source>
        <translation>无法写入工作区（%1）；未导入任何数据</translation>
    </message>
    <message>
        <source>the import failed: %1; nothing was imported</source>
        <translation>导入失败：%1；未导入任何数据</translation>
    </message>
    <message>
        <source>this does not look like the %1 file: column(s) %2 are missing (found: %3)</source>
        <translation>这不像是 %1 文件：缺少列 %2（实际的列：%3）</translation>
    </message>
    <message>
        <source>line %1, column %2 (%3)</source>
        <translation>第 %1 行第 %2 列（%3）</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>looks like a number with a decimal comma; import with the decimal comma option (--decimal-comma)</source>
        <translation>看起来是以逗号作小数点的数字；请使用小数逗号选项（--decimal-comma）导入</translation>
    </message>
    <message>
        <source>looks like a number with a decimal point, but the file is read with a decimal comma</source>
        <translation>看起来是以句点作小数点的数字，但文件按小数逗号读取</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>is not a date (expected e.g. 2010-12-01 08:26, 12/1/2010 8:26, 2010年12月1日 or Unix seconds)</source>
        <translation>不是日期（应为如 2010-12-01 08:26、12/1/2010 8:26、2010年12月1日 或 Unix 秒数）</translation>
    </message>
    <message>
        <source>is not a real calendar date or time</source>
        <translation>不是真实存在的日期或时间</translation>
    </message>
    <message>
        <source>is an ambiguous date</source>
        <translation>是有歧义的日期</translation>
    </message>
    <message>
        <source>cannot back up the workspace before upgrading it (%1); nothing was changed</source>
        <translation>升级前无法备份工作区（%1）；未做任何更改</translation>
    </message>
    <message>
        <source>upgrading the workspace from version %1 failed (%2) and restoring it failed too (%3); the untouched copy is %4</source>
        <translation>从版本 %1 升级工作区失败（%2），恢复也失败（%3）；未改动的副本在 %4</translation>
    </message>
    <message>
        <source>upgrading the workspace from version %1 failed (%2); it was restored unchanged</source>
        <translation>从版本 %1 升级工作区失败（%2）；已恢复原样</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>a quoted field opened in column %1 is never closed; everything after it would be read as one field (add the missing closing quote)</source>
        <translation>第 %1 列开始的引号字段没有结束；其后的所有内容都会被当作一个字段（请补上缺少的结束引号）</translation>
    </message>
    <message>
        <source>a quoted field opened in column %1 runs over %2 MB; the closing quote is probably missing</source>
        <translation>第 %1 列开始的引号字段超过 %2 MB；很可能缺少结束引号</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>取值不允许</translation>
    </message>
    <message>
        <source>is not 0 or 1</source>
        <translation>不是 0 或 1</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>is not a number of months from 1 to 12</source>
        <translation>不是 1 到 12 之间的月数</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is not a spend amount</source>
        <translation>不是消费金额</translation>
    </message>
    <message>
        <source>is not one of the test&apos;s arms (Mens E-Mail, Womens E-Mail, No E-Mail)</source>
        <translation>不是试验的分组之一（Mens E-Mail、Womens E-Mail、No E-Mail）</translation>
    </message>
    <message>
        <source>the Hillstrom data has no dates: the campaign, its exposures and responses carry no time (the e-mails went out in 2008; outcomes cover the two weeks after)</source>
        <translation>Hillstrom 数据没有日期：活动、触达和响应均不带时间（邮件发送于 2008 年；结果统计发送后两周）</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少取值</translation>
    </message>
    <message>
        <source>is empty: every line needs its invoice number</source>
        <translation>为空：每一行都需要发票号</translation>
    </message>
    <message>
        <source>accounting adjustment</source>
        <translation>财务调整</translation>
    </message>
    <message>
        <source>is a bad-debt adjustment (an &quot;A&quot; invoice), not a sale</source>
        <translation>是坏账调整（“A”开头的发票），不是销售</translation>
    </message>
    <message>
        <source>is empty: every line needs a stock code</source>
        <translation>为空：每一行都需要商品编码</translation>
    </message>
    <message>
        <source>zero quantity</source>
        <translation>数量为零</translation>
    </message>
    <message>
        <source>is zero: a line must sell or return something</source>
        <translation>为零：每一行都应有售出或退回的数量</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>is negative on an invoice that is not a cancellation: a stock write-off (damaged, lost), not a customer&apos;s return</source>
        <translation>在非取消发票上为负数：这是库存核销（损坏、丢失），不是顾客退货</translation>
    </message>
    <message>
        <source>is positive on a cancellation invoice</source>
        <translation>在取消发票上为正数</translation>
    </message>
    <message>
        <source>negative price</source>
        <translation>价格为负</translation>
    </message>
    <message>
        <source>is a negative unit price</source>
        <translation>单价为负数</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>date out of range</source>
        <translation>日期超出范围</translation>
    </message>
    <message>
        <source>is before 1990 or in the future</source>
        <translation>早于 1990 年或在未来</translation>
    </message>
    <message>
        <source>conflicting customer</source>
        <translation>客户不一致</translation>
    </message>
    <message>
        <source>differs from the customer on the invoice&apos;s earlier lines (&quot;%1&quot;)</source>
        <translation>与该发票前面各行的客户（“%1”）不同</translation>
    </message>
    <message>
        <source>%L1 invoices are cancellations (&quot;C&quot; invoices), kept as cancelled orders with negative amounts</source>
        <translation>%L1 张发票为取消单（“C”开头），已作为金额为负的已取消订单保留</translation>
    </message>
    <message>
        <source>%L1 lines (%L2 invoices) have no CustomerID; they were imported as guest orders: they count in sales and products, not in any customer&apos;s history</source>
        <translation>%L1 行（%L2 张发票）没有 CustomerID，已作为游客订单导入：计入销售额和商品统计，但不计入任何客户的历史</translation>
    </message>
    <message>
        <source>%L1 customers appear with more than one country; the first one seen was kept</source>
        <translation>%L1 位客户出现了多个国家；保留了最先出现的一个</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>record</source>
        <translation>原始记录</translation>
    </message>
    <message>
        <source>row rejected</source>
        <translation>整行拒绝</translation>
    </message>
    <message>
        <source>value cleared, row kept</source>
        <translation>取值清空，保留该行</translation>
    </message>
    <message>
        <source>is empty, but %1 is required</source>
        <translation>为空，但 %1 是必填项</translation>
    </message>
    <message>
        <source>negative amount</source>
        <translation>金额为负</translation>
    </message>
    <message>
        <source>is negative, but the order is not cancelled (map a status column, or import returns as cancelled orders)</source>
        <translation>为负数，但订单未取消（请映射状态列，或将退货作为已取消订单导入）</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>主键重复</translation>
    </message>
    <message>
        <source>line %1: the same %2 as line %3; the first one was kept</source>
        <translation>第 %1 行：%2 与第 %3 行相同；保留了第一条</translation>
    </message>
    <message>
        <source>%L1 orders have no user id; they were imported as guest orders (they count in sales, not in any customer&apos;s history)</source>
        <translation>%L1 个订单没有用户 ID，已作为游客订单导入（计入销售额，但不计入任何客户的历史）</translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot;: %L2 values were not numbers and were kept as text</source>
        <translation>属性“%1”：%L2 个取值不是数字，已按文本保留</translation>
    </message>
    <message>
        <source>is out of range: expected %1</source>
        <translation>超出范围：应为%1</translation>
    </message>
    <message>
        <source>value too long</source>
        <translation>取值过长</translation>
    </message>
    <message>
        <source>is longer than 64 KB</source>
        <translation>超过 64 KB</translation>
    </message>
    <message>
        <source>is before 1990; check the date format</source>
        <translation>早于 1990 年；请检查日期格式</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>是未来的时间</translation>
    </message>
    <message>
        <source>is not %1</source>
        <translation>不是%1</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <source>is not a JSON object (%1)</source>
        <translation>不是 JSON 对象（%1）</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <source>is not a user in the workspace (import the users file first, or use --create-users)</source>
        <translation>不是工作区中的用户（请先导入用户文件，或使用 --create-users）</translation>
    </message>
    <message>
        <source>unknown campaign</source>
        <translation>未知活动</translation>
    </message>
    <message>
        <source>is not a campaign in the workspace (import the campaigns file first)</source>
        <translation>不是工作区中的活动（请先导入活动文件）</translation>
    </message>
    <message>
        <source>unknown order</source>
        <translation>未知订单</translation>
    </message>
    <message>
        <source>line %1: the order is not in the workspace (import the orders first)</source>
        <translation>第 %1 行：订单不在工作区中（请先导入订单）</translation>
    </message>
    <message>
        <source>no matching exposure</source>
        <translation>没有对应的触达记录</translation>
    </message>
    <message>
        <source>line %1: this user was not exposed to this campaign (import the exposures first)</source>
        <translation>第 %1 行：该用户没有该活动的触达记录（请先导入触达数据）</translation>
    </message>
    <message>
        <source>unknown reference</source>
        <translation>引用不存在</translation>
    </message>
    <message>
        <source>line %1: refers to something not in the workspace</source>
        <translation>第 %1 行：引用了工作区中不存在的数据</translation>
    </message>
    <message>
        <source>line %1: the workspace refused the row (%2)</source>
        <translation>第 %1 行：工作区拒绝了该行（%2）</translation>
    </message>
    <message>
        <source>a file of that name already exists; choose another name or remove it first</source>
        <translation>同名文件已存在；请换一个名称或先删除该文件</translation>
    </message>
    <message>
        <source>cannot create the workspace: %1</source>
        <translation>无法创建工作区：%1</translation>
    </message>
    <message>
        <source>no such workspace; create one with &quot;cwb init&quot; or &quot;cwb demo&quot;</source>
        <translation>工作区不存在；可用“cwb init”或“cwb demo”创建</translation>
    </message>
    <message>
        <source>this is a folder, not a workspace file</source>
        <translation>这是文件夹，不是工作区文件</translation>
    </message>
    <message>
        <source>the file is empty; it is not a workspace</source>
        <translation>文件为空，不是工作区</translation>
    </message>
    <message>
        <source>not a Campaign Workbench workspace (not an SQLite database)</source>
        <translation>不是 Campaign Workbench 工作区（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>not a Campaign Workbench workspace (an SQLite database of another program)</source>
        <translation>不是 Campaign Workbench 工作区（是其他程序的 SQLite 数据库）</translation>
    </message>
    <message>
        <source>this workspace was written by a newer Campaign Workbench (schema version %1; this build reads up to %2); update the program to open it</source>
        <translation>该工作区由更新版本的 Campaign Workbench 写入（结构版本 %1；本程序最高支持 %2）；请升级程序后再打开</translation>
    </message>
    <message>
        <source>this workspace has an older schema (version %1) and must be upgraded, but it is read-only; copy it somewhere writable first</source>
        <translation>该工作区结构版本较旧（版本 %1），需要升级，但文件为只读；请先复制到可写的位置</translation>
    </message>
    <message>
        <source>the workspace is locked by another program; close it there and try again</source>
        <translation>工作区被另一个程序锁定；请先在那里关闭后重试</translation>
    </message>
    <message>
        <source>cannot open the workspace: %1</source>
        <translation>无法打开工作区：%1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>the data covers less than %1 days; churn risk needs 90 days of history before a cut-off and the 90 days after it</source>
        <translation>数据覆盖不足 %1 天；流失风险需要截止日前 90 天的历史和截止日后的 90 天</translation>
    </message>
    <message>
        <source>too few customers to learn from: %1 had ordered by the cut-off, %2 of them did not order in the 90 days after (at least 100 customers and 20 of each outcome are needed)</source>
        <translation>可供学习的客户太少：截止日前下过单的有 %1 位，其中 %2 位在之后 90 天内未下单（至少需要 100 位客户，且两种结果各至少 20 位）</translation>
    </message>
    <message>
        <source>aggregating behaviour, orders and categories</source>
        <translation>正在汇总行为、订单和品类</translation>
    </message>
    <message>
        <source>writing activity</source>
        <translation>正在写入活跃度</translation>
    </message>
    <message>
        <source>RFM scores</source>
        <translation>RFM 评分</translation>
    </message>
    <message>
        <source>writing features</source>
        <translation>正在写入特征</translation>
    </message>
    <message>
        <source>churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>building the features failed: %1</source>
        <translation>构建特征失败：%1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>share of views in %1</source>
        <translation>%1 浏览占比</translation>
    </message>
    <message>
        <source>share of purchases in %1</source>
        <translation>%1 购买占比</translation>
    </message>
    <message>
        <source>days since last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>spend (net of cancellations)</source>
        <translation>消费金额（扣除取消）</translation>
    </message>
    <message>
        <source>spend on paid orders</source>
        <translation>已付订单消费金额</translation>
    </message>
    <message>
        <source>average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>visits per week</source>
        <translation>每周访问次数</translation>
    </message>
    <message>
        <source>pages viewed per visit</source>
        <translation>每次访问浏览页数</translation>
    </message>
    <message>
        <source>seconds per page</source>
        <translation>每页停留秒数</translation>
    </message>
    <message>
        <source>purchases per cart addition</source>
        <translation>加购后购买率</translation>
    </message>
    <message>
        <source>days since sign-up</source>
        <translation>注册天数</translation>
    </message>
    <message>
        <source>sign-up date unknown</source>
        <translation>注册日期未知</translation>
    </message>
    <message>
        <source>member tier (0 none to 3 platinum)</source>
        <translation>会员等级（0 非会员至 3 白金）</translation>
    </message>
    <message>
        <source>searches</source>
        <translation>搜索次数</translation>
    </message>
    <message>
        <source>active days</source>
        <translation>活跃天数</translation>
    </message>
    <message>
        <source>behaviour events</source>
        <translation>行为事件数</translation>
    </message>
    <message>
        <source>product views</source>
        <translation>商品浏览数</translation>
    </message>
    <message>
        <source>cart additions</source>
        <translation>加购次数</translation>
    </message>
    <message>
        <source>favourites</source>
        <translation>收藏次数</translation>
    </message>
    <message>
        <source>purchase events</source>
        <translation>购买事件数</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>访问次数</translation>
    </message>
    <message>
        <source>weeks observed</source>
        <translation>观察周数</translation>
    </message>
    <message>
        <source>RFM recency score</source>
        <translation>RFM 近度评分</translation>
    </message>
    <message>
        <source>RFM frequency score</source>
        <translation>RFM 频度评分</translation>
    </message>
    <message>
        <source>RFM monetary score</source>
        <translation>RFM 额度评分</translation>
    </message>
    <message>
        <source>mostly browse %1</source>
        <translation>多浏览%1</translation>
    </message>
    <message>
        <source>mostly buy %1</source>
        <translation>多购买%1</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>久未购买</translation>
    </message>
    <message>
        <source>frequent buyers</source>
        <translation>常购买</translation>
    </message>
    <message>
        <source>high spend</source>
        <translation>高消费</translation>
    </message>
    <message>
        <source>big baskets</source>
        <translation>客单价高</translation>
    </message>
    <message>
        <source>visit often</source>
        <translation>常访问</translation>
    </message>
    <message>
        <source>browse deeply</source>
        <translation>浏览深入</translation>
    </message>
    <message>
        <source>linger on pages</source>
        <translation>页面停留久</translation>
    </message>
    <message>
        <source>carts turn into orders</source>
        <translation>加购常转化为订单</translation>
    </message>
    <message>
        <source>long-standing customers</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>higher member tiers</source>
        <translation>会员等级较高</translation>
    </message>
    <message>
        <source>search a lot</source>
        <translation>常搜索</translation>
    </message>
    <message>
        <source>active on many days</source>
        <translation>活跃天数多</translation>
    </message>
    <message>
        <source>likely to lapse</source>
        <translation>可能流失</translation>
    </message>
    <message>
        <source>high %1</source>
        <translation>%1 高</translation>
    </message>
    <message>
        <source>rarely browse %1</source>
        <translation>很少浏览%1</translation>
    </message>
    <message>
        <source>rarely buy %1</source>
        <translation>很少购买%1</translation>
    </message>
    <message>
        <source>recent buyers</source>
        <translation>近期购买</translation>
    </message>
    <message>
        <source>few orders</source>
        <translation>订单少</translation>
    </message>
    <message>
        <source>low spend</source>
        <translation>低消费</translation>
    </message>
    <message>
        <source>small baskets</source>
        <translation>客单价低</translation>
    </message>
    <message>
        <source>rarely visit</source>
        <translation>很少访问</translation>
    </message>
    <message>
        <source>short visits</source>
        <translation>访问短</translation>
    </message>
    <message>
        <source>skim pages</source>
        <translation>页面停留短</translation>
    </message>
    <message>
        <source>abandon carts</source>
        <translation>常弃购</translation>
    </message>
    <message>
        <source>recent sign-ups</source>
        <translation>新注册</translation>
    </message>
    <message>
        <source>mostly non-members</source>
        <translation>多为非会员</translation>
    </message>
    <message>
        <source>seldom search</source>
        <translation>很少搜索</translation>
    </message>
    <message>
        <source>active on few days</source>
        <translation>活跃天数少</translation>
    </message>
    <message>
        <source>likely to stay</source>
        <translation>可能留存</translation>
    </message>
    <message>
        <source>low %1</source>
        <translation>%1 低</translation>
    </message>
    <message>
        <source>unknown feature &quot;%1&quot;; available: %2</source>
        <translation>未知特征“%1”；可用：%2</translation>
    </message>
    <message>
        <source>there is no user &quot;%1&quot; in this workspace</source>
        <translation>此工作区中没有用户“%1”</translation>
    </message>
    <message>
        <source>cannot read the profile: %1</source>
        <translation>无法读取用户画像：%1</translation>
    </message>
    <message>
        <source>there is no segment called &quot;%1&quot;</source>
        <translation>没有名为“%1”的分群</translation>
    </message>
    <message>
        <source>the segment &quot;%1&quot; has no members with features</source>
        <translation>分群“%1”中没有带特征的成员</translation>
    </message>
    <message>
        <source>every user is in &quot;%1&quot;: there is nobody left to compare</source>
        <translation>所有用户都在“%1”中：没有可比较的其他用户</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段“%1”</translation>
    </message>
    <message>
        <source>%1 is a number: compare it with a number, not with text in quotes</source>
        <translation>%1 是数值：请与数字比较，而不是引号中的文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation>“%1”不是日期</translation>
    </message>
    <message>
        <source>rule, column %1: %2
  %3
  %4</source>
        <translation>规则第 %1 列：%2
  %3
  %4</translation>
    </message>
    <message>
        <source>the rule is empty</source>
        <translation>规则为空</translation>
    </message>
    <message>
        <source>the rule ends too early: expected %1</source>
        <translation>规则提前结束：应为 %1</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;: expected %2</source>
        <translation>意外的“%1”：应为 %2</translation>
    </message>
    <message>
        <source>the text starting here has no closing quote</source>
        <translation>从此处开始的文本缺少结束引号</translation>
    </message>
    <message>
        <source>the field name starting here has no closing backtick</source>
        <translation>从此处开始的字段名缺少结束反引号</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no meaning in a rule</source>
        <translation>“%1”在规则中没有意义</translation>
    </message>
    <message>
        <source>fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the segment could not be read: %1</source>
        <translation>无法读取分群：%1</translation>
    </message>
    <message>
        <source>a segment needs a name</source>
        <translation>分群需要名称</translation>
    </message>
    <message>
        <source>the segments could not be saved: %1</source>
        <translation>无法保存分群：%1</translation>
    </message>
    <message>
        <source>a segment called &quot;%1&quot; already exists</source>
        <translation>名为“%1”的分群已存在</translation>
    </message>
    <message>
        <source>almost no orders</source>
        <translation>几乎没有订单</translation>
    </message>
    <message>
        <source>no orders yet</source>
        <translation>尚未下单</translation>
    </message>
    <message>
        <source>close to the average customer</source>
        <translation>接近平均客户</translation>
    </message>
    <message>
        <source>%1% of users</source>
        <translation>占用户 %1%</translation>
    </message>
    <message>
        <source>checking the features</source>
        <translation>正在检查特征</translation>
    </message>
    <message>
        <source>the workspace has no users to segment</source>
        <translation>工作区中没有可分群的用户</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM：%1</translation>
    </message>
    <message>
        <source>give the rule, e.g. --rule &quot;recency_days &gt; 90 AND monetary &gt;= 500&quot;</source>
        <translation>请给出规则，例如 --rule &quot;recency_days &gt; 90 AND monetary &gt;= 500&quot;</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>trying numbers of clusters</source>
        <translation>正在尝试不同的簇数</translation>
    </message>
    <message>
        <source>clustering (run %1, iteration %2)</source>
        <translation>正在聚类（第 %1 轮，第 %2 次迭代）</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>segmentation failed: %1</source>
        <translation>分群失败：%1</translation>
    </message>
    <message>
        <source>campaign %1 has no exposures</source>
        <translation>活动 %1 没有曝光记录</translation>
    </message>
    <message>
        <source>scoring failed: %1</source>
        <translation>打分失败：%1</translation>
    </message>
    <message>
        <source>How to read the figures (all on test rows the model did not learn from):
  AUC          chance that a random taker is ranked above a random non-taker: 0.5 is guessing;
               0.6-0.7 is usual for campaign response, above 0.8 is strong (or suspicious: check for leaks)
  log loss     penalises confident wrong predictions; lower is better; compare with the base rate&apos;s own
               log loss (printed) to see what the model adds
  Brier        mean squared error of the probabilities; lower is better
  calibration  predicted against observed rate in ten equal groups; a good model&apos;s rows agree, and the
               calibration error (their mean gap) is small next to the base rate
  lift         response rate of each tenth (highest predictions first) over the overall rate; the first
               decile&apos;s lift is how much better than random the best tenth is
  precision, recall, F1 at the threshold: meaningful only when the threshold is near the base rate
Uplift models (a control group is needed):
  Qini coefficient, AUUC  area between the model&apos;s curve and random targeting, as a share of the
               perfect model&apos;s: 0 is no better than random, above 0.1 is useful, 1 is perfect; negative
               means the model targets the wrong users
  uplift@k     treated minus control rate among the top k% by predicted uplift; useful when it is clearly
               above the overall observed effect
  by decile    observed uplift should fall from the first tenth to the last</source>
        <translation>各项数字的含义（全部基于模型未学习过的测试行）：
  AUC          随机一个接受者排在随机一个未接受者之前的概率：0.5 等于瞎猜；
               活动响应通常为 0.6-0.7，高于 0.8 很强（也可能可疑：检查是否有信息泄漏）
  log loss     惩罚自信但错误的预测；越低越好；与基准率自身的
               log loss（已打印）比较，看模型增加了多少信息
  Brier        概率的均方误差；越低越好
  calibration  十个等量分组中预测率与实际率的对比；好模型各行一致，
               校准误差（平均差距）相对基准率很小
  lift         每十分位（预测最高者在前）的响应率与总体响应率之比；第一
               十分位的提升度表示最好的十分之一比随机好多少
  阈值下的 precision、recall、F1：只有阈值接近基准率时才有意义
增益模型（需要对照组）：
  Qini 系数、AUUC  模型曲线与随机投放之间的面积，占完美模型面积的比例：
               0 表示不比随机好，高于 0.1 即有用，1 为完美；为负
               表示模型投放给了错误的用户
  uplift@k     按预测增益排名前 k% 中实验组与对照组的响应率之差；明显
               高于总体实际效果时才有用
  按十分位     实际增益应从第一个十分位到最后一个逐步下降</translation>
    </message>
    <message>
        <source>history before campaign &quot;%1&quot;</source>
        <translation>活动“%1”开始前的历史</translation>
    </message>
    <message>
        <source>reading the users&apos; history before each campaign failed: %1</source>
        <translation>读取各活动开始前的用户历史失败：%1</translation>
    </message>
    <message>
        <source>logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <source>boosted trees</source>
        <translation>梯度提升树</translation>
    </message>
    <message>
        <source>response model (%1), target %2</source>
        <translation>响应模型（%1），目标 %2</translation>
    </message>
    <message>
        <source>two-model</source>
        <translation>双模型</translation>
    </message>
    <message>
        <source>class transformation</source>
        <translation>类别转换</translation>
    </message>
    <message>
        <source>uplift model (%1 on %2), target %3</source>
        <translation>增益模型（%1，基于%2），目标 %3</translation>
    </message>
    <message>
        <source>, offer arm &quot;%1&quot;</source>
        <translation>，优惠组“%1”</translation>
    </message>
    <message>
        <source>the model could not be saved: %1</source>
        <translation>模型无法保存：%1</translation>
    </message>
    <message>
        <source>there is no model %1 (cwb models lists them)</source>
        <translation>没有模型 %1（cwb models 可列出全部模型）</translation>
    </message>
    <message>
        <source>no uptake or uplift model has been trained here yet (cwb train)</source>
        <translation>此工作区尚未训练响应或增益模型（cwb train）</translation>
    </message>
    <message>
        <source>model %1 is a %2 model, not an uptake or uplift model</source>
        <translation>模型 %1 是%2模型，不是响应或增益模型</translation>
    </message>
    <message>
        <source>model %1 was saved in a format this version cannot read; train it again</source>
        <translation>模型 %1 的保存格式无法被此版本读取；请重新训练</translation>
    </message>
    <message>
        <source>the workspace&apos;s data changed since model %1 was trained (data version %2, now %3): its features and predictions come from the data as it was; train again to learn from the current data</source>
        <translation>模型 %1 训练后工作区数据已变化（数据版本 %2，现为 %3）：其特征和预测来自当时的数据；请重新训练以学习当前数据</translation>
    </message>
    <message>
        <source>the model could not be read: %1</source>
        <translation>模型无法读取：%1</translation>
    </message>
    <message>
        <source>model %1 could not be loaded: %2</source>
        <translation>模型 %1 无法加载：%2</translation>
    </message>
    <message>
        <source>there is no uptake or uplift model %1</source>
        <translation>没有响应或增益模型 %1</translation>
    </message>
    <message>
        <source>a time split needs at least two campaigns (train on the earlier, test on the latest); there is %1 here: use --split random</source>
        <translation>按时间划分至少需要两个活动（用较早的训练，用最新的测试）；这里只有 %1 个：请使用 --split random</translation>
    </message>
    <message>
        <source>trained on %1 earlier campaigns, tested on the latest, &quot;%2&quot; (%3)</source>
        <translation>用较早的 %1 个活动训练，用最新的活动“%2”（%3）测试</translation>
    </message>
    <message>
        <source>stratified random split, %1 % of the rows held out for testing (seed %2)</source>
        <translation>分层随机划分，留出 %1 % 的行用于测试（种子 %2）</translation>
    </message>
    <message>
        <source>%1 (always %2)</source>
        <translation>%1（始终为 %2）</translation>
    </message>
    <message>
        <source>%1 is %2 in the test campaign, outside what the model was trained on (%3 to %4): its test scores measure extrapolation</source>
        <translation>测试活动中 %1 为 %2，超出模型训练时的范围（%3 至 %4）：其测试分数衡量的是外推效果</translation>
    </message>
    <message>
        <source>trained on one campaign (&quot;%1&quot;): its offer never varied, so the model tells who responds to this offer; for any other offer its predictions are extrapolated</source>
        <translation>只用一个活动（“%1”）训练：其优惠从未变化，因此模型只能说明谁会响应这一优惠；对其他优惠的预测属于外推</translation>
    </message>
    <message>
        <source>these campaign parameters never varied in the campaigns trained on, so their effect cannot be learned and predictions for other values are extrapolated: %1</source>
        <translation>以下活动参数在训练用的活动中从未变化，无法学到其影响，对其他取值的预测属于外推：%1</translation>
    </message>
    <message>
        <source>the test share must be between 0.05 and 0.95</source>
        <translation>测试比例必须在 0.05 到 0.95 之间</translation>
    </message>
    <message>
        <source>uplift needs an outcome that users without the offer can have too: control users cannot redeem an offer they never got; use --target converted (or visited)</source>
        <translation>增益需要未获优惠的用户也可能出现的结果：对照组用户无法核销从未收到的优惠；请使用 --target converted（或 visited）</translation>
    </message>
    <message>
        <source>uplift needs a control group, and these campaigns have none in the training rows: train a response model (without --uplift), and give future campaigns a control group</source>
        <translation>增益需要对照组，而这些活动的训练行中没有：请训练响应模型（不加 --uplift），并在今后的活动中设置对照组</translation>
    </message>
    <message>
        <source>no control group in these campaigns: the model predicts who takes the offer, not who takes it because of the offer (uplift), so part of what it predicts would have happened anyway</source>
        <translation>这些活动没有对照组：模型预测的是谁会接受优惠，而不是谁因为优惠才接受（增益），所以其预测中有一部分本来就会发生</translation>
    </message>
    <message>
        <source>the training rows have no treated users</source>
        <translation>训练行中没有实验组用户</translation>
    </message>
    <message>
        <source>only %1 positive outcomes (%2) in the training rows: too few to learn from</source>
        <translation>训练行中只有 %1 个正向结果（%2）：太少，无法学习</translation>
    </message>
    <message>
        <source>only %1 positive outcomes to learn from: the model&apos;s estimates are unstable; more campaigns or a more common target (visited, converted) would help</source>
        <translation>只有 %1 个正向结果可供学习：模型估计不稳定；更多活动或更常见的目标（visited、converted）会有帮助</translation>
    </message>
    <message>
        <source>strong class imbalance: %1 % of the training rows are positive; judge the model by AUC, lift and calibration; accuracy says little</source>
        <translation>类别严重不平衡：训练行中只有 %1 % 为正向；请用 AUC、提升度和校准评判模型，准确率意义不大</translation>
    </message>
    <message>
        <source>the test campaign is from a later period than every training campaign: the scores measure how well the model forecasts a new campaign, and fall if the season or audience changed</source>
        <translation>测试活动晚于所有训练活动：分数衡量的是模型预测新活动的能力，如果季节或受众发生变化，分数会下降</translation>
    </message>
    <message>
        <source>encoding the inputs</source>
        <translation>编码输入</translation>
    </message>
    <message>
        <source>fitting</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>the test rows have no treated users: uptake cannot be measured</source>
        <translation>测试行中没有实验组用户：无法衡量响应</translation>
    </message>
    <message>
        <source>the test rows hold only %1 positive outcomes: AUC, lift and calibration measured on so few are mostly chance; test on more rows (a larger --test-share or a random split)</source>
        <translation>测试行中只有 %1 个正向结果：基于这么少的样本，AUC、提升度和校准大多出于偶然；请在更多行上测试（更大的 --test-share 或随机划分）</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the model cannot be trained on this data: %1</source>
        <translation>无法在此数据上训练模型：%1</translation>
    </message>
    <message>
        <source>training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>the exposures and outcomes differ from those the model was trained on: the test rows are rebuilt from the current data, so these figures are not the ones measured at training</source>
        <translation>曝光和结果与模型训练时不同：测试行是根据当前数据重建的，因此这些数字并非训练时测得的数字</translation>
    </message>
    <message>
        <source>the model could not score the test rows: %1</source>
        <translation>模型无法对测试行打分：%1</translation>
    </message>
    <message>
        <source>no campaign with exposures is called &quot;%1&quot;; there are: %2</source>
        <translation>没有名为“%1”且有曝光的活动；现有：%2</translation>
    </message>
    <message>
        <source>the workspace has no campaign exposures to learn from: import past campaigns (exposures and responses) or create a demo workspace</source>
        <translation>工作区没有可供学习的活动曝光：请导入过往活动（曝光和响应）或创建演示工作区</translation>
    </message>
    <message>
        <source>&quot;%1&quot; left out: it did not record %2</source>
        <translation>已略过“%1”：它没有记录 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; left out: it has no arm &quot;%2&quot;</source>
        <translation>已略过“%1”：它没有优惠组“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: its treated arms (%2) are taken together; --arm picks one</source>
        <translation>“%1”：其各实验组（%2）合并处理；--arm 可选择其中一个</translation>
    </message>
    <message>
        <source>no campaign has the arm &quot;%1&quot;%2</source>
        <translation>没有活动包含优惠组“%1”%2</translation>
    </message>
    <message>
        <source>; arms: %1</source>
        <translation>；优惠组：%1</translation>
    </message>
    <message>
        <source>no campaign recorded %1; choose another target (--target redeemed, converted or visited)</source>
        <translation>没有活动记录了 %1；请选择其他目标（--target redeemed、converted 或 visited）</translation>
    </message>
    <message>
        <source>%1 exposures: a random sample of about %2 is used</source>
        <translation>%1 条曝光：使用约 %2 条的随机样本</translation>
    </message>
    <message>
        <source>reading the users&apos; attributes</source>
        <translation>读取用户属性</translation>
    </message>
    <message>
        <source>reading exposures of &quot;%1&quot;</source>
        <translation>读取“%1”的曝光</translation>
    </message>
    <message>
        <source>&quot;%1&quot; tested %2 offers; its control users are compared with each at random</source>
        <translation>“%1”测试了 %2 种优惠；其对照组用户被随机与各优惠组比较</translation>
    </message>
    <message>
        <source>the chosen campaigns have no exposures to learn from</source>
        <translation>所选活动没有可供学习的曝光</translation>
    </message>
    <message>
        <source>training set ready</source>
        <translation>训练集已就绪</translation>
    </message>
    <message>
        <source>reading the training data failed: %1</source>
        <translation>读取训练数据失败：%1</translation>
    </message>
    <message>
        <source>%1: expected a number, got %2</source>
        <translation>%1：应为数字，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected a whole number, got %2</source>
        <translation>%1：应为整数，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected true or false, got %2</source>
        <translation>%1：应为 true 或 false，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected a text, got %2</source>
        <translation>%1：应为文本，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected a list of names, got %2</source>
        <translation>%1：应为名称列表，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected a list of names, and %2 is not one</source>
        <translation>%1：应为名称列表，而 %2 不是名称</translation>
    </message>
    <message>
        <source>%1: expected a date and time such as &quot;2026-09-01T10:00:00+08:00&quot;, got %2</source>
        <translation>%1：应为日期时间，例如 &quot;2026-09-01T10:00:00+08:00&quot;，实际为 %2</translation>
    </message>
    <message>
        <source>%1: expected an object { ... }, got %2</source>
        <translation>%1：应为对象 { ... }，实际为 %2</translation>
    </message>
    <message>
        <source> (did you mean &quot;%1&quot;?)</source>
        <translation>（是否想写 &quot;%1&quot;？）</translation>
    </message>
    <message>
        <source>%1: unknown field%2; known here: %3</source>
        <translation>%1：未知字段%2；此处可用：%3</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>type: missing; give &quot;coupon&quot;, &quot;flash_sale&quot; or &quot;member&quot;</source>
        <translation>type：缺失；请填写 &quot;coupon&quot;、&quot;flash_sale&quot; 或 &quot;member&quot;</translation>
    </message>
    <message>
        <source>type: &quot;%1&quot; is not a campaign type; give &quot;coupon&quot;, &quot;flash_sale&quot; or &quot;member&quot;</source>
        <translation>type：&quot;%1&quot; 不是活动类型；请填写 &quot;coupon&quot;、&quot;flash_sale&quot; 或 &quot;member&quot;</translation>
    </message>
    <message>
        <source>start: missing; give the start as a date and time such as &quot;2026-09-01T10:00:00+08:00&quot;</source>
        <translation>start：缺失；请以日期时间给出开始时间，例如 &quot;2026-09-01T10:00:00+08:00&quot;</translation>
    </message>
    <message>
        <source>%1: this is a %2 campaign; its terms go in &quot;%2&quot;</source>
        <translation>%1：这是 %2 活动；其条款应写在 &quot;%2&quot; 中</translation>
    </message>
    <message>
        <source>basket.source: &quot;%1&quot; is neither &quot;history&quot; nor &quot;given&quot;</source>
        <translation>basket.source：&quot;%1&quot; 既不是 &quot;history&quot; 也不是 &quot;given&quot;</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the spec must be one JSON object { ... }</source>
        <translation>活动配置必须是一个 JSON 对象 { ... }</translation>
    </message>
    <message>
        <source>give the campaign a name</source>
        <translation>请为活动命名</translation>
    </message>
    <message>
        <source>the offer gives nothing: set a percent off, an amount off or (member offers) a points multiplier above 1</source>
        <translation>该优惠没有任何让利：请设置折扣百分比、立减金额或（会员活动）大于 1 的积分倍数</translation>
    </message>
    <message>
        <source>a coupon is either an amount off (%1) or a percent off (%2 %), not both</source>
        <translation>优惠券只能是立减金额（%1）或折扣百分比（%2 %）之一，不能两者兼有</translation>
    </message>
    <message>
        <source>%1 % is not a discount we can preview: give 0 to %2 %</source>
        <translation>%1 % 不是可预测的折扣：请填写 0 到 %2 %</translation>
    </message>
    <message>
        <source>%1 must not be negative</source>
        <translation>%1 不能为负数</translation>
    </message>
    <message>
        <source>the minimum spend (%1) must be above the amount off (%2), or the coupon pays for whole orders</source>
        <translation>使用门槛（%1）必须高于立减金额（%2），否则优惠券会覆盖整单金额</translation>
    </message>
    <message>
        <source>%1 is outside the allowed range (more than 0, at most %2)</source>
        <translation>%1 超出允许范围（大于 0，最多 %2）</translation>
    </message>
    <message>
        <source>each user must be able to use the coupon at least once (got %1)</source>
        <translation>每位用户至少应能使用一次优惠券（当前为 %1）</translation>
    </message>
    <message>
        <source>a points multiplier below 1 (%1) takes points away; give 1 for none</source>
        <translation>积分倍数小于 1（%1）会减少积分；不加倍请填 1</translation>
    </message>
    <message>
        <source>the control share must be between 0 and %1 (got %2)</source>
        <translation>对照组比例必须在 0 到 %1 之间（当前为 %2）</translation>
    </message>
    <message>
        <source>a control share of 0 leaves nobody to measure the campaign&apos;s effect against: hold out 5-20 % of the target, or set &quot;measure_uplift&quot;: false</source>
        <translation>对照组比例为 0 时无法衡量活动效果：请留出目标人群的 5-20 %，或设置 &quot;measure_uplift&quot;: false</translation>
    </message>
    <message>
        <source>the gross margin is a share between 0 and 1, such as 0.35 (got %1)</source>
        <translation>毛利率是 0 到 1 之间的比例，例如 0.35（当前为 %1）</translation>
    </message>
    <message>
        <source>with &quot;source&quot;: &quot;given&quot;, give the expected order value as a positive &quot;value&quot;</source>
        <translation>使用 &quot;source&quot;: &quot;given&quot; 时，请以正数 &quot;value&quot; 给出预期客单价</translation>
    </message>
    <message>
        <source>segment &quot;%1&quot; is both included and excluded</source>
        <translation>分群“%1”同时被包含和排除</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel: give sms, push, email or app</source>
        <translation>&quot;%1&quot; 不是触达渠道：请填写 sms、push、email 或 app</translation>
    </message>
    <message>
        <source>coupon: %1 off</source>
        <translation>优惠券：立减 %1</translation>
    </message>
    <message>
        <source>coupon: %1 % off</source>
        <translation>优惠券：%1 % 折扣</translation>
    </message>
    <message>
        <source> orders of %1 or more</source>
        <translation>，订单满 %1 可用</translation>
    </message>
    <message>
        <source> any order</source>
        <translation>，任意订单可用</translation>
    </message>
    <message>
        <source>, valid 1 day</source>
        <translation>，有效期 1 天</translation>
    </message>
    <message>
        <source>, valid %1 days</source>
        <translation>，有效期 %1 天</translation>
    </message>
    <message>
        <source>, up to %1 uses per user</source>
        <translation>，每人最多使用 %1 次</translation>
    </message>
    <message>
        <source>, %1 coupons in all</source>
        <translation>，共 %1 张</translation>
    </message>
    <message>
        <source>flash sale: %1 % off for %2 hours</source>
        <translation>限时抢购：%1 % 折扣，持续 %2 小时</translation>
    </message>
    <message>
        <source> on the whole shop</source>
        <translation>，全店商品</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation>，限 %1</translation>
    </message>
    <message>
        <source>, %1 units in stock</source>
        <translation>，库存 %1 件</translation>
    </message>
    <message>
        <source>%1 % off</source>
        <translation>%1 % 折扣</translation>
    </message>
    <message>
        <source>points x%1</source>
        <translation>积分 x%1</translation>
    </message>
    <message>
        <source>member offer: %1 for %2 days, for %3</source>
        <translation>会员专享：%1，持续 %2 天，面向%3</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>every member</source>
        <translation>所有会员</translation>
    </message>
    <message>
        <source>tiers %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>every user</source>
        <translation>所有用户</translation>
    </message>
    <message>
        <source>segments %1</source>
        <translation>分群 %1</translation>
    </message>
    <message>
        <source> except %1</source>
        <translation>，排除 %1</translation>
    </message>
    <message>
        <source>%1; starts %2 UTC; sent to %3 by %4</source>
        <translation>%1；开始于 %2 UTC；通过 %4 发送给%3</translation>
    </message>
    <message>
        <source> at %1 per contact</source>
        <translation>，每次触达成本 %1</translation>
    </message>
    <message>
        <source>; %1 % held out as a control group</source>
        <translation>；留出 %1 % 作为对照组</translation>
    </message>
    <message>
        <source>; no control group</source>
        <translation>；无对照组</translation>
    </message>
    <message>
        <source>; budget %1</source>
        <translation>；预算 %1</translation>
    </message>
    <message>
        <source>; gross margin %1 %</source>
        <translation>；毛利率 %1 %</translation>
    </message>
    <message>
        <source>; expected order value %1</source>
        <translation>；预期客单价 %1</translation>
    </message>
    <message>
        <source>; order values from each user&apos;s history</source>
        <translation>；客单价取自每位用户的历史</translation>
    </message>
    <message>
        <source>there is no campaign %1 (cwb campaign WS list shows them)</source>
        <translation>没有活动 %1（cwb campaign WS list 可列出全部活动）</translation>
    </message>
    <message>
        <source>target: no segment called %1; the workspace has: %2</source>
        <translation>target：没有名为 %1 的分群；工作区现有：%2</translation>
    </message>
    <message>
        <source>none yet (cwb segment makes them)</source>
        <translation>暂无（可用 cwb segment 创建）</translation>
    </message>
    <message>
        <source>name: a campaign called &quot;%1&quot; already exists; choose another name</source>
        <translation>name：已有名为“%1”的活动；请换一个名称</translation>
    </message>
    <message>
        <source>target: nobody is left to send the campaign to (included: %1; the included segments are empty or all excluded)</source>
        <translation>target：没有可发送的用户（包含：%1；所含分群为空或已全部被排除）</translation>
    </message>
    <message>
        <source>the campaign spec has %1 problems:</source>
        <translation>活动配置有 %1 个问题：</translation>
    </message>
    <message>
        <source>the campaign could not be saved: %1</source>
        <translation>活动无法保存：%1</translation>
    </message>
    <message>
        <source>campaign %1 (&quot;%2&quot;) has %3 exposures and their responses: they are history the models learn from. Delete it with its history only if you mean to (--with-history)</source>
        <translation>活动 %1（“%2”）有 %3 条曝光及其响应：这些是模型学习用的历史数据。只有确实需要时才连同历史一起删除（--with-history）</translation>
    </message>
    <message>
        <source>the campaign could not be deleted: %1</source>
        <translation>活动无法删除：%1</translation>
    </message>
    <message>
        <source>the campaign reaches nobody: its included segments are empty or all excluded</source>
        <translation>活动触达不到任何人：所包含的人群为空或已全部被排除</translation>
    </message>
    <message>
        <source>reading the history of %L1 users</source>
        <translation>正在读取 %L1 位用户的历史</translation>
    </message>
    <message>
        <source>preparing the model inputs</source>
        <translation>正在准备模型输入</translation>
    </message>
    <message>
        <source>reading the target&apos;s history failed: %1</source>
        <translation>读取目标用户的历史失败：%1</translation>
    </message>
    <message>
        <source>none of the %L1 targeted users is in the offer&apos;s member tiers (%2)</source>
        <translation>%L1 位目标用户都不在该优惠的会员等级内（%2）</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>the targeting depth is the share of the target reached, best first: give more than 0 and at most 1 (got %1)</source>
        <translation>触达深度是按优先顺序触达的目标用户占比：请给出大于 0 且不超过 1 的值（收到 %1）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a term of a %2 campaign that can be searched; give: %3</source>
        <translation>“%1”不是 %2 活动可搜索的条款；可用：%3</translation>
    </message>
    <message>
        <source>target_share 0.05-1 (20 values, from each candidate&apos;s ranking)</source>
        <translation>target_share 0.05-1（20 个取值，取自每个候选方案的排序）</translation>
    </message>
    <message>
        <source>nothing to search</source>
        <translation>没有可搜索的条款</translation>
    </message>
    <message>
        <source>on a seeded sample of %L1 of the %L2 users; the best %3 candidates previewed on all of them</source>
        <translation>在 %L2 位用户中按种子抽取的 %L1 位样本上搜索；最好的 %3 个候选方案再在全部用户上预估</translation>
    </message>
    <message>
        <source>no terms on the grid reach an ROI of %1</source>
        <translation>网格上没有任何条款能达到 %1 的 ROI</translation>
    </message>
    <message>
        <source>no valid terms on the grid</source>
        <translation>网格上没有有效的条款</translation>
    </message>
    <message>
        <source>give at least one campaign</source>
        <translation>请至少给出一个活动</translation>
    </message>
    <message>
        <source>model %1 predicts &quot;%2&quot;; a preview needs a model of &quot;converted&quot; (cwb train --target converted)</source>
        <translation>模型 %1 预测的是“%2”；预估需要“converted”（转化）模型（cwb train --target converted）</translation>
    </message>
    <message>
        <source>model %1 predicts &quot;%2&quot;, not &quot;redeemed&quot;</source>
        <translation>模型 %1 预测的是“%2”，不是“redeemed”（核销）</translation>
    </message>
    <message>
        <source>redemption model %1 forecast past campaigns less well (off by a factor of %2 typically) than model %3 (%4): redemptions follow from its purchases and the threshold instead</source>
        <translation>核销模型 %1 对历史活动的预测不如模型 %3（%4）准确（通常偏差 %2 倍）：核销量改由购买概率和门槛推算</translation>
    </message>
    <message>
        <source>model %1 (%2)</source>
        <translation>模型 %1（%2）</translation>
    </message>
    <message>
        <source>; redemptions from model %1</source>
        <translation>；核销量来自模型 %1</translation>
    </message>
    <message>
        <source>reading past campaign rates failed: %1</source>
        <translation>读取历史活动比率失败：%1</translation>
    </message>
    <message>
        <source>this preview was loaded for other users (segments, categories, channel or start changed): open a new one</source>
        <translation>此预估是为另一批用户加载的（人群、类目、渠道或开始时间已变）：请重新打开</translation>
    </message>
    <message>
        <source>the preview failed: %1</source>
        <translation>预估失败：%1</translation>
    </message>
    <message>
        <source>no uplift model: who would have bought anyway is estimated from each user&apos;s past purchase rate, not measured against a control group</source>
        <translation>没有增益模型：“本来就会购买”的用户是按每位用户的历史购买率估算的，而不是通过对照组测得</translation>
    </message>
    <message>
        <source>the budget of %1 is reached at %L2 users of %L3</source>
        <translation>预算 %1 在 %L3 位用户中的第 %L2 位用完</translation>
    </message>
    <message>
        <source>the quantity on offer runs out at %L1 users of %L2</source>
        <translation>发放数量在 %L2 位用户中的第 %L1 位用完</translation>
    </message>
    <message>
        <source>the cost may exceed the budget: its %1 % upper bound is %2</source>
        <translation>成本可能超出预算：其 %1 % 上限为 %2</translation>
    </message>
    <message>
        <source>no control group: the campaign&apos;s effect cannot be measured after launch</source>
        <translation>没有对照组：活动上线后无法衡量其效果</translation>
    </message>
    <message>
        <source>a discount of %1 % is outside what the model learned from (%2-%3 %): the forecast extrapolates</source>
        <translation>%1 % 的折扣超出了模型学习过的范围（%2-%3 %）：预估属于外推</translation>
    </message>
    <message>
        <source>a duration of %1 hours is outside what the model learned from (%2-%3 hours)</source>
        <translation>%1 小时的时长超出了模型学习过的范围（%2-%3 小时）</translation>
    </message>
    <message>
        <source>%L1 targeted users are outside the offer&apos;s member tiers and are left out</source>
        <translation>%L1 位目标用户不在该优惠的会员等级内，已排除</translation>
    </message>
    <message>
        <source>the campaign is expected to lose money: incremental profit %1</source>
        <translation>预计活动亏损：增量利润 %1</translation>
    </message>
    <message>
        <source>the campaign may lose money: the incremental profit&apos;s interval includes losses</source>
        <translation>活动可能亏损：增量利润的区间包含亏损</translation>
    </message>
    <message>
        <source>%1 of the discount goes to buyers who would have bought anyway</source>
        <translation>%1 的折扣给了本来就会购买的用户</translation>
    </message>
    <message>
        <source>the model barely ranks users (AUC %1): treat the per-user figures with care</source>
        <translation>模型几乎无法区分用户（AUC %1）：请谨慎看待单个用户的数字</translation>
    </message>
    <message>
        <source>forecasts of past campaigns the model had not seen were off by a factor of %1 typically: the intervals, not the central figures, say what to expect</source>
        <translation>对模型未见过的历史活动，预测通常偏差 %1 倍：应参考区间，而不是中心值</translation>
    </message>
    <message>
        <source>the users could not be read: %1</source>
        <translation>无法读取用户：%1</translation>
    </message>
    <message>
        <source>campaign &quot;%1&quot; has no exposures yet: import who was sent the offer and who was held out (cwb import WS --table exposures FILE), then the responses (--table responses)</source>
        <translation>活动“%1”还没有触达记录：请先导入收到优惠和被留作对照的用户（cwb import WS --table exposures FILE），再导入响应（--table responses）</translation>
    </message>
    <message>
        <source>campaign &quot;%1&quot; has %2 exposures but no responses: import what the users did (cwb import WS --table responses FILE)</source>
        <translation>活动“%1”有 %2 条触达记录，但没有响应：请导入用户的行为（cwb import WS --table responses FILE）</translation>
    </message>
    <message>
        <source>the confidence level must lie between 0 and 1</source>
        <translation>置信水平必须在 0 和 1 之间</translation>
    </message>
    <message>
        <source>the gross margin must lie between 0 and 1</source>
        <translation>毛利率必须在 0 和 1 之间</translation>
    </message>
    <message>
        <source>the cost per contact cannot be negative</source>
        <translation>每次触达成本不能为负</translation>
    </message>
    <message>
        <source>treatment</source>
        <translation>实验组</translation>
    </message>
    <message>
        <source>control</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>all treated</source>
        <translation>全部实验组</translation>
    </message>
    <message>
        <source>no control group: the differences the campaign made cannot be measured, only its rates</source>
        <translation>没有对照组：无法衡量活动带来的差异，只能给出比率</translation>
    </message>
    <message>
        <source>redemptions are not recorded for this campaign</source>
        <translation>该活动没有记录核销</translation>
    </message>
    <message>
        <source>visits are not recorded for this campaign</source>
        <translation>该活动没有记录访问</translation>
    </message>
    <message>
        <source>no arm&apos;s incremental profit can be above zero at this confidence: consider not sending the next wave</source>
        <translation>在此置信水平下，没有任何方案的增量利润能高于零：建议不发送下一波</translation>
    </message>
    <message>
        <source>the model could not be checked against this campaign: %1</source>
        <translation>无法用该活动检验模型：%1</translation>
    </message>
    <message>
        <source>model %1 was trained on this campaign: its agreement with the outcome is in-sample and flatters it</source>
        <translation>模型 %1 是用该活动训练的：它与结果的吻合属于样本内，会高估模型</translation>
    </message>
    <message>
        <source>reading the campaign&apos;s results failed: %1</source>
        <translation>读取活动结果失败：%1</translation>
    </message>
    <message>
        <source>no temporary folder for the table&apos;s order: %1</source>
        <translation>没有可用于表排序的临时文件夹：%1</translation>
    </message>
    <message>
        <source>the workspace has no table &quot;%1&quot;</source>
        <translation>工作区中没有表“%1”</translation>
    </message>
    <message>
        <source>reading rows of %1 failed: %2</source>
        <translation>读取 %1 的行失败：%2</translation>
    </message>
    <message>
        <source>checking campaign by campaign</source>
        <translation>正在逐个活动检验</translation>
    </message>
    <message>
        <source>there is no user &quot;%1&quot;</source>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>the user &quot;%1&quot; has no features (build them with cwb features)</source>
        <translation>用户“%1”没有特征（请用 cwb features 构建）</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential Loyalists</source>
        <translation>潜力忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Need Attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>At Risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Can&apos;t Lose Them</source>
        <translation>不可流失客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失客户</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>a map needs at least three customers with features</source>
        <translation>分布图至少需要三位有特征的客户</translation>
    </message>
    <message>
        <source>the map failed: %1</source>
        <translation>分布图生成失败：%1</translation>
    </message>
    <message>
        <source>the file has every column of the %1 dataset</source>
        <translation>文件包含 %1 数据集的全部列</translation>
    </message>
    <message numerus="yes">
        <source>%n of the file&apos;s columns match fields of %1</source>
        <translation>
            <numerusform>文件中有 %n 列与 %1 的字段相符</numerusform>
        </translation>
    </message>
    <message>
        <source>this file was already imported into %1 on %2 (import #%3 of %4); nothing was changed</source>
        <translation>此文件已于 %2 导入到 %1(%4 的第 %3 次导入);未做任何更改</translation>
    </message>
    <message>
        <source>an amount of money, at most %L1 either way (negative for refunds)</source>
        <translation>金额,正负均不超过 %L1(退款为负数)</translation>
    </message>
    <message>
        <source>an amount of money from %L1 to %L2</source>
        <translation>%L1 到 %L2 之间的金额</translation>
    </message>
    <message>
        <source>cancelled; the customer features were not built</source>
        <translation>已取消;未构建客户特征</translation>
    </message>
    <message>
        <source>choose at least one campaign for the report</source>
        <translation>请为报告至少选择一个活动</translation>
    </message>
    <message>
        <source>an e-mail campaign without offer terms has nothing to forecast; what it did follows</source>
        <translation>没有优惠条款的邮件活动无可预测；以下是它的实际效果</translation>
    </message>
    <message>
        <source>its spec cannot be read (%1)</source>
        <translation>无法读取其设置（%1）</translation>
    </message>
    <message>
        <source>reading the results</source>
        <translation>正在读取结果</translation>
    </message>
    <message>
        <source>the workspace could not be read: %1</source>
        <translation>无法读取工作区：%1</translation>
    </message>
    <message>
        <source>the campaign does not state its gross margin: profit assumes 30 %</source>
        <translation>活动未注明毛利率：利润按 30 % 计算</translation>
    </message>
    <message>
        <source>campaign %1 (&quot;%2&quot;) has run: its %3 exposures were sent on the terms it has, so they cannot change. Duplicate it to design a new one</source>
        <translation>活动 %1（“%2”）已执行：其 %3 次触达按现有条款发出，条款不能再改。请复制它来设计新活动</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the file has nothing in it but blank lines (or a byte-order mark alone): no header, no rows</source>
        <translation>文件中只有空行（或只有字节顺序标记）：没有表头，也没有数据行</translation>
    </message>
    <message>
        <source>this is not a text file: %1 of its first %2 characters are control characters (is it an image, a database or a compressed file with another name?)</source>
        <translation>这不是文本文件：前 %2 个字符中有 %1 个控制字符（是否是改了名的图片、数据库或压缩文件？）</translation>
    </message>
    <message>
        <source>the header has bytes that are not valid %1 (in %2 of its %3 column names): the file is in another encoding%4; leave out --encoding to detect it, or name the right one</source>
        <translation>表头中有不符合 %1 编码的字节（%3 个列名中有 %2 个）：文件使用的是另一种编码%4；去掉 --encoding 让程序自动检测，或指定正确的编码</translation>
    </message>
    <message>
        <source>, probably %1</source>
        <translation>，可能是 %1</translation>
    </message>
    <message>
        <source>columns %1 and %2 are both named &quot;%3&quot;: column %2 was %4</source>
        <translation>第 %1 列和第 %2 列都叫“%3”：第 %2 列已%4</translation>
    </message>
    <message>
        <source>mapped as the mapping shows</source>
        <translation>按映射所示对应</translation>
    </message>
    <message>
        <source>kept as an attribute</source>
        <translation>作为属性保留</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>cannot read the file: permission denied</source>
        <translation>无法读取文件：没有权限</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (%3 to %4)</source>
        <translation>%1：%2 超出范围（%3 至 %4）</translation>
    </message>
    <message>
        <source>parentheses and NOTs nest more than %1 deep here; write the rule more simply</source>
        <translation>此处括号和 NOT 的嵌套超过 %1 层；请把规则写得简单些</translation>
    </message>
    <message>
        <source>models are not used, as asked</source>
        <translation>按要求未使用模型</translation>
    </message>
    <message>
        <source>no model of purchases (target converted) is trained</source>
        <translation>尚未训练购买模型（目标 converted）</translation>
    </message>
    <message>
        <source>no model of purchases (target converted) is trained; the models there are of %1, which cannot stand in for it</source>
        <translation>尚未训练购买模型（目标 converted）；现有模型预测的是 %1，不能代替购买模型</translation>
    </message>
    <message>
        <source>%1, and no past %2 campaign has exposures to take rates from: train a model with cwb train --target converted, or import past campaigns</source>
        <translation>%1，也没有可提供比率的历史 %2 活动触达数据：请用 cwb train --target converted 训练模型，或导入历史活动</translation>
    </message>
    <message>
        <source>%1: these are past rates of similar campaigns, which do not change with the discount, threshold or timing</source>
        <translation>%1：这些是同类历史活动的比率，不随折扣、门槛或时间变化</translation>
    </message>
    <message>
        <source>historical rates of %L1 past %2 offers</source>
        <translation>%L1 次历史 %2 优惠的历史比率</translation>
    </message>
</context>
<context>
    <name>cwb::model::TableStatsModel</name>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Customers: profile, member tier and the shop&apos;s own attributes</source>
        <translation>客户：资料、会员等级及店铺自有属性</translation>
    </message>
    <message>
        <source>Products: name, category and price</source>
        <translation>商品：名称、类目和价格</translation>
    </message>
    <message>
        <source>Behaviour: views, searches, carts, favourites and purchases</source>
        <translation>行为：浏览、搜索、加购、收藏和购买</translation>
    </message>
    <message>
        <source>Orders: time, amount, items and coupon used</source>
        <translation>订单：时间、金额、件数和所用优惠券</translation>
    </message>
    <message>
        <source>Order lines: product, quantity and unit price</source>
        <translation>订单明细：商品、数量和单价</translation>
    </message>
    <message>
        <source>Campaigns: coupons, flash sales, member offers and their settings</source>
        <translation>营销活动：优惠券、秒杀、会员专享及其设置</translation>
    </message>
    <message>
        <source>Who was sent each campaign, and who was held out as control</source>
        <translation>每个活动触达了谁、谁被留作对照组</translation>
    </message>
    <message>
        <source>What each exposed customer did: visited, redeemed, bought, spent</source>
        <translation>被触达客户的响应：访问、核销、购买、消费</translation>
    </message>
    <message>
        <source>Customer segments</source>
        <translation>客户人群</translation>
    </message>
    <message>
        <source>Which customers belong to which segment</source>
        <translation>客户所属的人群</translation>
    </message>
    <message>
        <source>Trained uptake and uplift models</source>
        <translation>已训练的响应模型和增益模型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Behaviour events</source>
        <translation>行为事件</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Exposures</source>
        <translation>触达</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>Segment members</source>
        <translation>人群成员</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>cwb::ui::CampaignForm</name>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>App push</source>
        <translation>App 推送</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>In-app banner</source>
        <translation>App 内横幅</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>When the offer goes out, in this computer&apos;s time zone.</source>
        <translation>优惠发出的时间，按本机时区。</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Percent off the order</source>
        <translation>订单按百分比减</translation>
    </message>
    <message>
        <source>Amount off the order</source>
        <translation>订单按金额减</translation>
    </message>
    <message>
        <source>Discount type</source>
        <translation>折扣方式</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>How much the coupon takes off an order that reaches the threshold.</source>
        <translation>订单达到门槛后，优惠券减去的金额或比例。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>The order must reach this before the coupon applies; none = any order.</source>
        <translation>订单须达到此金额优惠券才生效；无 = 任意订单。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Uses per customer</source>
        <translation>每位顾客可用次数</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Coupons on offer</source>
        <translation>发放券数</translation>
    </message>
    <message>
        <source>Redemptions stop here; the forecast reaches only as many customers as the coupons serve.</source>
        <translation>核销达到此数即止；预测只覆盖券数够用的顾客。</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>限时秒杀</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Units on sale</source>
        <translation>秒杀库存</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>None ticked: the whole shop is on sale.</source>
        <translation>都不勾选：全店参与。</translation>
    </message>
    <message>
        <source>Member-exclusive offer</source>
        <translation>会员专享</translation>
    </message>
    <message>
        <source>Member tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>None ticked: every member.</source>
        <translation>都不勾选：所有会员。</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <source>1 = the usual points; 3 = three times the points on orders.</source>
        <translation>1 = 正常积分；3 = 订单积分翻三倍。</translation>
    </message>
    <message>
        <source>Who gets it</source>
        <translation>发给谁</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>None ticked: every customer.</source>
        <translation>都不勾选：所有顾客。</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Targeting depth</source>
        <translation>覆盖深度</translation>
    </message>
    <message>
        <source>The share of those customers reached, the most profitable to reach first.</source>
        <translation>这些顾客中覆盖的比例，先覆盖最有利可图的。</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>Held out at random, with no offer, to measure what the campaign adds.</source>
        <translation>随机留出、不发优惠，用来衡量活动带来的增量。</translation>
    </message>
    <message>
        <source>against the control group</source>
        <translation>与对照组对比</translation>
    </message>
    <message>
        <source>Measure the effect</source>
        <translation>衡量效果</translation>
    </message>
    <message>
        <source>Delivery and money</source>
        <translation>触达与费用</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Cost per contact</source>
        <translation>每次触达成本</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>The campaign stops reaching customers where the expected cost would pass it.</source>
        <translation>预期成本将超出预算时，活动不再覆盖更多顾客。</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>The share of revenue the shop keeps before the discount.</source>
        <translation>扣除折扣前店铺留存的收入比例。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>cwb::ui::DataPage</name>
    <message>
        <source>The column to filter on</source>
        <translation>用于筛选的列</translation>
    </message>
    <message>
        <source>Contains…</source>
        <translation>包含…</translation>
    </message>
    <message>
        <source>Show only the rows whose chosen column contains this text</source>
        <translation>只显示所选列包含此文字的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Could not read the table: %1</source>
        <translation>无法读取该表：%1</translation>
    </message>
    <message>
        <source>Counting and ordering the rows…</source>
        <translation>正在统计和排序各行…</translation>
    </message>
    <message>
        <source>%1 of %2 rows contain &quot;%3&quot; in %4.</source>
        <translation>%2 行中有 %1 行的 %4 包含“%3”。</translation>
    </message>
    <message>
        <source>%1 rows.</source>
        <translation>共 %1 行。</translation>
    </message>
    <message>
        <source>Sorted by %1.</source>
        <translation>按 %1 排序。</translation>
    </message>
    <message>
        <source>Stopped. The rows shown are all that was read.</source>
        <translation>已停止。显示的是已读取的全部行。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cwb::ui::DesignerPage</name>
    <message>
        <source>Users reached (with the control group)</source>
        <translation>覆盖用户（含对照组）</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>核销数</translation>
    </message>
    <message>
        <source>Extra buyers (incremental conversions)</source>
        <translation>新增购买者（增量转化）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Incremental revenue</source>
        <translation>增量收入</translation>
    </message>
    <message>
        <source>Discount to extra buyers</source>
        <translation>给新增购买者的折扣</translation>
    </message>
    <message>
        <source>Subsidy: discount to buyers who would buy anyway</source>
        <translation>补贴：给本来就会购买者的折扣</translation>
    </message>
    <message>
        <source>Contact cost</source>
        <translation>触达成本</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Incremental profit</source>
        <translation>增量利润</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Incremental ROI</source>
        <translation>增量 ROI</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>the discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>the minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>the targeting depth</source>
        <translation>覆盖深度</translation>
    </message>
    <message>
        <source>the control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>the budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>the margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>the channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>the segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>the segments left out</source>
        <translation>排除的分群</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Select two or three campaigns to see them side by side.</source>
        <translation>选择两到三个活动并排查看。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Optimise…</source>
        <translation>优化…</translation>
    </message>
    <message>
        <source>Search the discount, threshold, duration, start hour and targeting depth for the most incremental profit.</source>
        <translation>搜索折扣、门槛、时长、开始时段和覆盖深度，找出增量利润最高的组合。</translation>
    </message>
    <message>
        <source>Choose a campaign, or make a new one.</source>
        <translation>选择一个活动，或新建一个。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>90 % interval</source>
        <translation>90% 区间</translation>
    </message>
    <message>
        <source>Apply the chosen terms</source>
        <translation>应用所选条款</translation>
    </message>
    <message>
        <source>Back to the forecast</source>
        <translation>返回预测</translation>
    </message>
    <message>
        <source>Rename campaign</source>
        <translation>重命名活动</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>删除“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>No forecast: %1</source>
        <translation>无预测：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Listing the campaigns…</source>
        <translation>正在列出活动…</translation>
    </message>
    <message>
        <source>The campaigns could not be listed: %1</source>
        <translation>无法列出活动：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1”有未保存的更改。先保存吗？</translation>
    </message>
    <message>
        <source>This campaign was imported without offer terms (%1), so there is nothing to design or forecast. The Reports page shows its results.</source>
        <translation>此活动导入时没有优惠条款（%1），因此无法设计或预测。其结果见“报告”页。</translation>
    </message>
    <message>
        <source>No forecast for a campaign without offer terms.</source>
        <translation>没有优惠条款的活动无法预测。</translation>
    </message>
    <message>
        <source>This campaign has run (%1 customers were in it): its terms stay as they were. The forecast is today&apos;s models on those terms; duplicate it to design a new one.</source>
        <translation>此活动已执行（共 %1 位顾客参与）：其条款保持不变。预测是用当前模型按这些条款计算的；复制它来设计新活动。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The campaign was not created: %1</source>
        <translation>活动未创建：%1</translation>
    </message>
    <message>
        <source>New coupon</source>
        <translation>新建优惠券</translation>
    </message>
    <message>
        <source>New flash sale</source>
        <translation>新建限时秒杀</translation>
    </message>
    <message>
        <source>New member offer</source>
        <translation>新建会员专享</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>another campaign is called “%1”; choose another name</source>
        <translation>已有活动名为“%1”；请换一个名称</translation>
    </message>
    <message>
        <source>The forecast waits for the problem shown in the form to be fixed.</source>
        <translation>请先修正表单中标出的问题，预测随后进行。</translation>
    </message>
    <message>
        <source>The forecast waits for the %1 problems shown in the form to be fixed.</source>
        <translation>请先修正表单中标出的 %1 个问题，预测随后进行。</translation>
    </message>
    <message>
        <source>Not saved: fix what the form shows first.
%1</source>
        <translation>未保存：请先修正表单中标出的问题。
%1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>未打开活动</translation>
    </message>
    <message>
        <source>%1 • unsaved changes</source>
        <translation>%1 • 有未保存的更改</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销%1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做%1</translation>
    </message>
    <message>
        <source>%1 % interval</source>
        <translation>%1% 区间</translation>
    </message>
    <message>
        <source>of %1 eligible</source>
        <translation>合格用户 %1 位</translation>
    </message>
    <message>
        <source>Forecast from: %1</source>
        <translation>预测依据：%1</translation>
    </message>
    <message>
        <source>Forecast of the terms in the form, for %1 eligible customers.</source>
        <translation>按表单条款对 %1 位合格顾客的预测。</translation>
    </message>
    <message>
        <source>Forecast updated; the charts follow.</source>
        <translation>预测已更新；图表随后更新。</translation>
    </message>
    <message>
        <source>Optimise needs a forecast first: fix what the form shows, and wait for the figures.</source>
        <translation>优化需要先有预测：请修正表单中的问题并等待数字出现。</translation>
    </message>
    <message>
        <source>Searching better terms…</source>
        <translation>正在搜索更优条款…</translation>
    </message>
    <message>
        <source>No better terms found: %1</source>
        <translation>未找到更优条款：%1</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Targeting depth</source>
        <translation>覆盖深度</translation>
    </message>
    <message>
        <source>Users reached</source>
        <translation>覆盖用户</translation>
    </message>
    <message>
        <source>Expected redemptions</source>
        <translation>预期核销数</translation>
    </message>
    <message>
        <source>%1 candidate terms forecast on %2 customers in %3 s; searched: %4. Choose a column and apply it — one step to undo.</source>
        <translation>在 %2 位顾客上预测了 %1 组候选条款，用时 %3 秒；搜索范围：%4。选择一列并应用——一步即可撤销。</translation>
    </message>
    <message>
        <source>Better terms found: the best adds %1 of incremental profit to the current terms.</source>
        <translation>找到更优条款：最佳方案比当前条款多 %1 增量利润。</translation>
    </message>
    <message>
        <source>apply optimised terms</source>
        <translation>应用优化条款</translation>
    </message>
    <message>
        <source>Select two or three campaigns to compare.</source>
        <translation>选择两到三个活动进行对比。</translation>
    </message>
    <message>
        <source>Forecasting the campaigns…</source>
        <translation>正在预测这些活动…</translation>
    </message>
    <message>
        <source>Forecasting “%1”…</source>
        <translation>正在预测“%1”…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>“%1” has no offer terms to forecast</source>
        <translation>“%1”没有可预测的优惠条款</translation>
    </message>
    <message>
        <source>No comparison: %1</source>
        <translation>无法对比：%1</translation>
    </message>
    <message>
        <source>Each figure: expected, then its %1 % interval.</source>
        <translation>每个数字：先为预期值，后为其 %1% 区间。</translation>
    </message>
    <message>
        <source>%1 campaigns side by side, each forecast on its own customers.</source>
        <translation>%1 个活动并排显示，各自按其目标顾客预测。</translation>
    </message>
    <message>
        <source>the validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>the duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2 天</translation>
    </message>
    <message>
        <source>%1–%2 hours</source>
        <translation>%1–%2 小时</translation>
    </message>
    <message>
        <source>the start hour</source>
        <translation>开始时段</translation>
    </message>
    <message>
        <source>the points multiplier</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <source>%1 %2 (%3 values)</source>
        <translation>%1 %2（%3 个取值）</translation>
    </message>
</context>
<context>
    <name>cwb::ui::DesignerPage::DesignerPage</name>
    <message>
        <source>the terms</source>
        <translation>条款</translation>
    </message>
</context>
<context>
    <name>cwb::ui::ImportWizard</name>
    <message>
        <source>Hillstrom e-mail test (dataset preset)</source>
        <translation>Hillstrom 邮件实验(数据集预设)</translation>
    </message>
    <message>
        <source>UCI Online Retail (dataset preset)</source>
        <translation>UCI Online Retail(数据集预设)</translation>
    </message>
    <message>
        <source>Each row becomes a customer (HS00001, …) keeping the file&apos;s columns as attributes, one exposure to the campaign “Hillstrom e-mail test (2008)” (No E-Mail is the control group) and the customer&apos;s response (visit, conversion, spend).</source>
        <translation>每行成为一位客户(HS00001……),文件各列保存为客户属性;另有一条对活动“Hillstrom e-mail test (2008)”的触达记录(No E-Mail 为对照组)以及该客户的响应(访问、转化、消费)。</translation>
    </message>
    <message>
        <source>Each line becomes an order line and each invoice an order (C invoices are cancellations); CustomerID becomes a customer with Country as region, StockCode a product. Lines without a CustomerID are kept as guest orders.</source>
        <translation>每行成为一条订单明细,每张发票成为一个订单(C 开头的发票为取消单);CustomerID 成为客户,Country 作为地区;StockCode 成为商品。没有 CustomerID 的行作为游客订单保留。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <source>Checking: %1 rows read (%2 %), %3 rows/s</source>
        <translation>检查中:已读取 %1 行(%2%),每秒 %3 行</translation>
    </message>
    <message>
        <source>Importing: %1 rows read (%2 %), %3 rows/s</source>
        <translation>导入中:已读取 %1 行(%2%),每秒 %3 行</translation>
    </message>
    <message>
        <source>Rejected because</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First line</source>
        <translation>首次出现行</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>%1 records checked: %2 would be imported, %3 rejected, %4 values cleared. Nothing was written.</source>
        <translation>已检查 %1 条记录:%2 条可导入,%3 条被拒绝,%4 个值被清空。尚未写入任何数据。</translation>
    </message>
    <message>
        <source>%1 of %2 records imported in %3 s (%4 rows/s); %5 rejected, %6 values cleared.</source>
        <translation>已导入 %2 条记录中的 %1 条,用时 %3 秒(每秒 %4 行);%5 条被拒绝,%6 个值被清空。</translation>
    </message>
    <message>
        <source>%1: %2 new</source>
        <translation>%1:新增 %2</translation>
    </message>
    <message>
        <source>%1: %2 updated</source>
        <translation>%1:更新 %2</translation>
    </message>
    <message>
        <source>Would change: %1.</source>
        <translation>将更改:%1。</translation>
    </message>
    <message>
        <source>Changed: %1.</source>
        <translation>已更改:%1。</translation>
    </message>
    <message>
        <source>Read as %1, %2-separated, %3; dates like 3/4/2025 read as %4%5.</source>
        <translation>按 %1 读取,以%2分隔,%3;形如 3/4/2025 的日期按%4读取%5。</translation>
    </message>
    <message>
        <source>first row is the header</source>
        <translation>首行为表头</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <source>, decimal comma</source>
        <translation>,小数点为逗号</translation>
    </message>
    <message>
        <source>Columns: %1.</source>
        <translation>列:%1。</translation>
    </message>
    <message>
        <source>Kept as customer attributes: %1.</source>
        <translation>保存为客户属性:%1。</translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation>未导入:%1。</translation>
    </message>
    <message>
        <source>Import Data into %1</source>
        <translation>导入数据到 %1</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancelled; the workspace is as it was.</source>
        <translation>已取消;工作区保持原样。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>CSV or text files, plain or .gz. How the file is written is detected; change it if the preview looks wrong.</source>
        <translation>CSV 或文本文件,可为普通文件或 .gz 压缩文件。文件格式会自动检测;如果预览不对,请手动修改。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose what the file holds…</source>
        <translation>请选择文件内容类型…</translation>
    </message>
    <message>
        <source>%1 (table %2)</source>
        <translation>%1(表 %2)</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>GBK / GB18030 (Chinese)</source>
        <translation>GBK / GB18030(简体中文)</translation>
    </message>
    <message>
        <source>Big5 (traditional Chinese)</source>
        <translation>Big5(繁体中文)</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>分号( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>竖线( | )</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>首行为列名</translation>
    </message>
    <message>
        <source>No header row: the first row is data</source>
        <translation>无表头行:首行即数据</translation>
    </message>
    <message>
        <source>How the file is written</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>表头(&amp;H):</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>It holds:</source>
        <translation>内容:</translation>
    </message>
    <message>
        <source>The first rows, as they will be read:</source>
        <translation>前几行(按当前设置读取的结果):</translation>
    </message>
    <message>
        <source>The columns are matched to the table&apos;s fields on the next page.</source>
        <translation>下一页将把各列对应到表的字段。</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Each field of the table takes one column of the file. Suggestions come from the column names; fields marked * are required.</source>
        <translation>表的每个字段取文件中的一列。建议根据列名给出;标 * 的字段为必填。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Expects</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Detect from the data</source>
        <translation>根据数据检测</translation>
    </message>
    <message>
        <source>Day first (31/12/2024)</source>
        <translation>日在前(31/12/2024)</translation>
    </message>
    <message>
        <source>Month first (12/31/2024)</source>
        <translation>月在前(12/31/2024)</translation>
    </message>
    <message>
        <source>Decimal point (1,234.50)</source>
        <translation>小数点为句点(1,234.50)</translation>
    </message>
    <message>
        <source>Decimal comma (1.234,50)</source>
        <translation>小数点为逗号(1.234,50)</translation>
    </message>
    <message>
        <source>Add customers the workspace does not know yet (otherwise their rows are rejected)</source>
        <translation>添加工作区中尚不存在的客户(否则这些行会被拒绝)</translation>
    </message>
    <message>
        <source>Dates are written:</source>
        <translation>日期写法:</translation>
    </message>
    <message>
        <source>Numbers are written:</source>
        <translation>数字写法:</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Every row is read and checked as it would be imported; nothing is written yet.</source>
        <translation>按导入时的方式读取并检查每一行;此时不写入任何数据。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All rows go in together: if the import is cancelled or fails, the workspace stays as it was.</source>
        <translation>所有行一次性写入:如果导入被取消或失败,工作区保持原样。</translation>
    </message>
    <message>
        <source>Import It &amp;Again</source>
        <translation>再次导入(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open Rejected Rows</source>
        <translation>打开被拒绝的行(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows As…</source>
        <translation>被拒绝的行另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save the rejected rows</source>
        <translation>无法保存被拒绝的行</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.gz);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot read the file: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;无法读取文件:%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Read as %1 (%2). Delimiter: %3 (%4). %5. %6 columns; %7.</source>
        <translation>按 %1 读取(%2)。分隔符:%3(%4)。%5。共 %6 列;%7。</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <source>%1 compressed</source>
        <translation>压缩后 %1</translation>
    </message>
    <message>
        <source>Suggested because %1. %2</source>
        <translation>推荐理由:%1。%2</translation>
    </message>
    <message>
        <source>Required: the import cannot start without it</source>
        <translation>必填:缺少它无法开始导入</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Choose a column for the required field(s) %1.</source>
        <translation>请为必填字段 %1 选择一列。</translation>
    </message>
    <message>
        <source>Every column of the file is used.</source>
        <translation>文件的每一列都已使用。</translation>
    </message>
    <message>
        <source>The other columns are kept as customer attributes (numbers stay numbers): %1</source>
        <translation>其余列保存为客户属性(数字仍为数字):%1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>未导入:%1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>检查 %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;The file cannot be imported: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;无法导入此文件:%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;No row would be imported: every row is rejected. Go back and check the columns and how the file is written.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;没有可导入的行:每一行都被拒绝。请返回检查列的对应关系和文件格式。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Ready to import. The rejected rows will be written, with line, column and reason, to %1.</source>
        <translation>可以导入。被拒绝的行将连同行号、列和原因写入 %1。</translation>
    </message>
    <message>
        <source>Ready to import: every row passed the checks.</source>
        <translation>可以导入:所有行都通过了检查。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Imported into %1.</source>
        <translation>已导入到 %1。</translation>
    </message>
    <message>
        <source>%1. Import it again to update the rows it holds.</source>
        <translation>%1。再次导入可更新其中的行。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;The import failed and nothing was changed: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;导入失败,未做任何更改:%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation>停止导入?</translation>
    </message>
    <message>
        <source>Stop importing %1? Nothing will be changed in the workspace.</source>
        <translation>停止导入 %1?工作区不会有任何更改。</translation>
    </message>
</context>
<context>
    <name>cwb::ui::JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this job; nothing it was doing is kept</source>
        <translation>停止此任务;其进行中的工作不会保留</translation>
    </message>
</context>
<context>
    <name>cwb::ui::LivePreview</name>
    <message>
        <source>Reading the customers the campaign targets…</source>
        <translation>正在读取活动的目标顾客…</translation>
    </message>
</context>
<context>
    <name>cwb::ui::MainWindow</name>
    <message>
        <source>Campaign Workbench</source>
        <translation>Campaign Workbench 营销工作台</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>Open a workspace (File ▸ Open) or create one with the demo data.</source>
        <translation>请打开一个工作区（文件 ▸ 打开），或用演示数据新建一个。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Campaign Workbench</source>
        <translation>关于 Campaign Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Data from %1 to %2.</source>
        <translation>数据时间范围：%1 至 %2。</translation>
    </message>
    <message>
        <source>%1 — schema version %2. %3</source>
        <translation>%1 — 结构版本 %2。%3</translation>
    </message>
    <message>
        <source>%1 — Campaign Workbench</source>
        <translation>%1 — Campaign Workbench 营销工作台</translation>
    </message>
    <message>
        <source>%1: %2 customers, %3 orders, %4 events</source>
        <translation>%1：%2 位客户，%3 个订单，%4 条行为</translation>
    </message>
    <message>
        <source>Could not open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.cwb);;All files (*)</source>
        <translation>工作区 (*.cwb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.cwb)</source>
        <translation>工作区 (*.cwb)</translation>
    </message>
    <message>
        <source>Cannot create the workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>About Campaign Workbench</source>
        <translation>关于 Campaign Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Campaign Workbench %1&lt;/h3&gt;&lt;p&gt;Segment customers, preview and report e-commerce campaigns.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · Eigen %4.%5.%6&lt;/p&gt;&lt;p&gt;Everything stays on this computer: the program makes no network connections.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Campaign Workbench 营销工作台 %1&lt;/h3&gt;&lt;p&gt;客户分群、营销活动效果预估与报告。&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · Eigen %4.%5.%6&lt;/p&gt;&lt;p&gt;所有数据都保存在本机：程序不进行任何网络连接。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>用户画像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Segments</source>
        <translation>客户分群(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Read a CSV file (customers, orders, events …) into the workspace</source>
        <translation>将 CSV 文件(客户、订单、行为……)读入工作区</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Open or create a workspace first (File ▸ Open or New); the data goes into it.</source>
        <translation>请先打开或新建工作区(文件 ▸ 打开 或 新建);数据将导入其中。</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>%1 will be used from the next start. Restart Campaign Workbench now?</source>
        <translation>下次启动时将使用%1。现在重新启动 Campaign Workbench 吗?</translation>
    </message>
    <message>
        <source>An import is running; restart once it has finished.</source>
        <translation>正在导入;请在导入完成后再重新启动。</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>活动(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cwb::ui::ModelsPage</name>
    <message>
        <source>Logistic regression (transparent)</source>
        <translation>逻辑回归（可解释）</translation>
    </message>
    <message>
        <source>Boosted trees (xgboost)</source>
        <translation>梯度提升树（xgboost）</translation>
    </message>
    <message>
        <source>Bought (converted)</source>
        <translation>购买（转化）</translation>
    </message>
    <message>
        <source>Used the offer (redeemed)</source>
        <translation>使用了优惠（核销）</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Uplift: learn what the offer changes (needs control groups)</source>
        <translation>增益模型：学习优惠带来的变化（需要对照组）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train a model on the past campaigns</source>
        <translation>用历史活动训练模型</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>算法：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>训练时间（UTC）</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Qini</source>
        <translation>Qini</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Models in this workspace:</source>
        <translation>本工作区的模型：</translation>
    </message>
    <message>
        <source>Choose a model to see how well it predicts, or train one.</source>
        <translation>选择一个模型查看其预测效果，或训练新模型。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Listing the models…</source>
        <translation>正在列出模型…</translation>
    </message>
    <message>
        <source>The models could not be listed: %1</source>
        <translation>无法列出模型：%1</translation>
    </message>
    <message>
        <source>Campaign forecasts use model %1 (%2, %3).</source>
        <translation>活动预测使用模型 %1（%2，%3）。</translation>
    </message>
    <message>
        <source>No model of purchases yet: campaign forecasts use past campaigns&apos; rates.</source>
        <translation>尚无购买模型：活动预测使用历史活动的比率。</translation>
    </message>
    <message>
        <source>Model %1 predicts churn; the Segments page uses it. Its test AUC is %2.</source>
        <translation>模型 %1 预测流失，供人群页使用。其测试 AUC 为 %2。</translation>
    </message>
    <message>
        <source>Evaluating model %1 on its test rows…</source>
        <translation>正在测试集上评估模型 %1…</translation>
    </message>
    <message>
        <source>Evaluating model %1…</source>
        <translation>正在评估模型 %1…</translation>
    </message>
    <message>
        <source>The model could not be evaluated: %1</source>
        <translation>无法评估模型：%1</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Training a model…</source>
        <translation>正在训练模型…</translation>
    </message>
    <message>
        <source>No model was trained: %1</source>
        <translation>未训练出模型：%1</translation>
    </message>
    <message>
        <source>Trained and saved model %1.</source>
        <translation>已训练并保存模型 %1。</translation>
    </message>
    <message>
        <source>Model %1: %2</source>
        <translation>模型 %1：%2</translation>
    </message>
    <message>
        <source>Tested on %1 rows it was not trained on (%2); %3 positive.</source>
        <translation>在 %1 行未参与训练的数据上测试（%2）；正例 %3。</translation>
    </message>
    <message>
        <source>0.5 is guessing, 1 is perfect; 0.6–0.75 is usual for offers</source>
        <translation>0.5 相当于猜测，1 为完美；优惠类通常为 0.6–0.75</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <source>Mean predicted / observed</source>
        <translation>平均预测 / 实际</translation>
    </message>
    <message>
        <source>Calibration error</source>
        <translation>校准误差</translation>
    </message>
    <message>
        <source>average gap between predicted and observed over ten bins</source>
        <translation>十个分箱中预测与实际的平均差距</translation>
    </message>
    <message>
        <source>At threshold %1</source>
        <translation>阈值 %1 时</translation>
    </message>
    <message>
        <source>accuracy %1, precision %2, recall %3, F1 %4</source>
        <translation>准确率 %1，精确率 %2，召回率 %3，F1 %4</translation>
    </message>
    <message>
        <source>Qini coefficient</source>
        <translation>Qini 系数</translation>
    </message>
    <message>
        <source>above 0: ranks users by the offer&apos;s effect better than chance</source>
        <translation>大于 0：按优惠效果排序用户优于随机</translation>
    </message>
    <message>
        <source>AUUC</source>
        <translation>AUUC</translation>
    </message>
    <message>
        <source>Uplift in the top 10 / 20 / 30 %</source>
        <translation>前 10 / 20 / 30 % 用户的提升</translation>
    </message>
    <message>
        <source>against %1 over all test users</source>
        <translation>全部测试用户为 %1</translation>
    </message>
    <message>
        <source>How model %1 does on rows it was not trained on:</source>
        <translation>模型 %1 在未参与训练的数据上的表现：</translation>
    </message>
</context>
<context>
    <name>cwb::ui::ProfilePage</name>
    <message>
        <source>Customer id, e.g. U0000001</source>
        <translation>客户 ID，例如 U0000001</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Type a customer id above and press Enter.</source>
        <translation>在上方输入客户 ID 并按回车。</translation>
    </message>
    <message>
        <source>Find customers like this one</source>
        <translation>查找与此客户相似的客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Double-click a customer to open their profile</source>
        <translation>双击客户以打开其画像</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Reading the profile of %1… (the first profile of a workspace may build its features: seconds per million customers)</source>
        <translation>正在读取 %1 的画像…（工作区的第一个画像可能需要先构建特征：每百万客户需数秒）</translation>
    </message>
    <message>
        <source>No profile for %1: %2</source>
        <translation>无法显示 %1 的画像：%2</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>member tier %1</source>
        <translation>会员等级 %1</translation>
    </message>
    <message>
        <source>joined %1</source>
        <translation>%1 注册</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>&lt;b&gt;R %1 · F %2 · M %3&lt;/b&gt; — %4</source>
        <translation>&lt;b&gt;R %1 · F %2 · M %3&lt;/b&gt; — %4</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费额</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>Visits per week</source>
        <translation>每周访问次数</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>%1 / 100 (%2)</source>
        <translation>%1 / 100（%2）</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>%1 (%2 views, %3 bought)</source>
        <translation>%1（浏览 %2 次，购买 %3 次）</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Shop&apos;s own fields</source>
        <translation>店铺自定义字段</translation>
    </message>
    <message>
        <source>As of %1.</source>
        <translation>截至 %1。</translation>
    </message>
    <message>
        <source>Activity by week</source>
        <translation>每周活动</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>行为事件</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Looking for the customers most like %1…</source>
        <translation>正在查找与 %1 最相似的客户…</translation>
    </message>
    <message>
        <source>No lookalikes: %1</source>
        <translation>未找到相似客户：%1</translation>
    </message>
    <message>
        <source>The %1 customers most like %2 (cosine similarity to their scaled features, out of %3).</source>
        <translation>与 %2 最相似的 %1 位客户（基于标准化特征的余弦相似度，共 %3 位候选）。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Reading the profile of %1</source>
        <translation>读取 %1 的画像</translation>
    </message>
    <message>
        <source>Building the customer features first: %1</source>
        <translation>正在先构建客户特征:%1</translation>
    </message>
</context>
<context>
    <name>cwb::ui::ReportsPage</name>
    <message>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <source>HTML report (one self-contained file)</source>
        <translation>HTML 报告（单个独立文件）</translation>
    </message>
    <message>
        <source>CSV target list</source>
        <translation>CSV 目标名单</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Replace user ids by a salted pseudonym</source>
        <translation>用加盐假名替换用户编号</translation>
    </message>
    <message>
        <source>secret salt, at least 8 characters</source>
        <translation>保密的盐值，至少 8 个字符</translation>
    </message>
    <message>
        <source>Byte-order mark, so that Excel reads Chinese</source>
        <translation>字节顺序标记，便于 Excel 读取中文</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Salt:</source>
        <translation>盐值：</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Open Last Export</source>
        <translation>打开上次导出(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tick one campaign for its report, or several to compare them.</source>
        <translation>勾选一个活动生成报告，或勾选多个进行对比。</translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Listing the campaigns…</source>
        <translation>正在列出活动…</translation>
    </message>
    <message>
        <source>The campaigns could not be listed: %1</source>
        <translation>无法列出活动：%1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>campaign comparison</source>
        <translation>活动对比</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Give a salt of at least 8 characters for the pseudonyms, and keep it secret: with it, ids can be matched.</source>
        <translation>请为假名提供至少 8 个字符的盐值并妥善保密：有了它就能匹配出用户编号。</translation>
    </message>
    <message>
        <source>Working out the forecasts…</source>
        <translation>正在计算预测…</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在准备报告…</translation>
    </message>
    <message>
        <source>Writing the target list…</source>
        <translation>正在写入目标名单…</translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message>
        <source>Wrote %1 users to %2.</source>
        <translation>已将 %1 位用户写入 %2。</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未写入：%1</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows of the target list.</source>
        <translation>目标名单 %2 行中的前 %1 行。</translation>
    </message>
    <message>
        <source>One page, as it will print.</source>
        <translation>共 1 页，与打印效果一致。</translation>
    </message>
    <message>
        <source>%1 pages, as they will print.</source>
        <translation>共 %1 页，与打印效果一致。</translation>
    </message>
    <message>
        <source>Drawing page %1 of %2…</source>
        <translation>正在绘制第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>Writing page %1 of %2…</source>
        <translation>正在写入第 %1 页，共 %2 页…</translation>
    </message>
</context>
<context>
    <name>cwb::ui::SegmentsPage</name>
    <message>
        <source>RFM group</source>
        <translation>RFM 分组</translation>
    </message>
    <message>
        <source>k-means cluster</source>
        <translation>k-means 聚类</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>lookalikes</source>
        <translation>相似客户</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>RFM groups</source>
        <translation>RFM 分组</translation>
    </message>
    <message>
        <source>k-means clusters</source>
        <translation>k-means 聚类</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The ten named groups of recency, frequency and monetary scores, and prospects.</source>
        <translation>按最近购买、购买频率和消费金额评分划分的十个命名分组，外加潜在客户。</translation>
    </message>
    <message>
        <source>choose k automatically (best silhouette of 2 to 10)</source>
        <translation>自动选择 k（2 到 10 中轮廓系数最佳者）</translation>
    </message>
    <message>
        <source>Clusters:</source>
        <translation>聚类数：</translation>
    </message>
    <message>
        <source>e.g. recency_days &gt; 90 AND monetary &gt;= 500 AND NOT city IN (&apos;Beijing&apos;, &apos;Shanghai&apos;)</source>
        <translation>例如 recency_days &gt; 90 AND monetary &gt;= 500 AND NOT city IN (&apos;Beijing&apos;, &apos;Shanghai&apos;)</translation>
    </message>
    <message>
        <source>Insert field…</source>
        <translation>插入字段…</translation>
    </message>
    <message>
        <source>The fields a rule can use; pick one to insert it at the cursor</source>
        <translation>规则可用的字段；选择一个即可插入到光标处</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <source>Make segments</source>
        <translation>生成分群</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Make:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>生成方式</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>What sets it apart</source>
        <translation>主要特点</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export members…</source>
        <translation>导出成员…</translation>
    </message>
    <message>
        <source>Find lookalikes…</source>
        <translation>查找相似客户…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>Choosing k</source>
        <translation>选择 k</translation>
    </message>
    <message>
        <source>Cancelled; the workspace is as it was.</source>
        <translation>已取消；工作区保持原样。</translation>
    </message>
    <message>
        <source>Name prefix (optional)</source>
        <translation>名称前缀（可选）</translation>
    </message>
    <message>
        <source>The rule reads well.</source>
        <translation>规则语法正确。</translation>
    </message>
    <message>
        <source>Making segments…</source>
        <translation>正在生成分群…</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) made; k = %1 has the best silhouette (the elbow of the inertia is at k = %2).</source>
        <translation>
            <numerusform>已生成 %n 个分群；k = %1 的轮廓系数最佳（惯性曲线的拐点在 k = %2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) made.</source>
        <translation>
            <numerusform>已生成 %n 个分群。</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no segment called &quot;%1&quot;</source>
        <translation>没有名为“%1”的分群</translation>
    </message>
    <message>
        <source>%1 (%2 customers) against everyone</source>
        <translation>%1（%2 位客户）与全体客户对比</translation>
    </message>
    <message>
        <source>Difference from all customers</source>
        <translation>与全体客户的差异</translation>
    </message>
    <message>
        <source>%1: %2 (all: %3)</source>
        <translation>%1：%2（全体：%3）</translation>
    </message>
    <message>
        <source>difference of the means, in standard deviations</source>
        <translation>均值之差（以标准差为单位）</translation>
    </message>
    <message>
        <source>A sample of %1 of the %2 customers</source>
        <translation>%2 位客户中抽样的 %1 位</translation>
    </message>
    <message>
        <source>other customers</source>
        <translation>其他客户</translation>
    </message>
    <message>
        <source>component %1 (%2 of the variance)</source>
        <translation>主成分 %1（解释 %2 的方差）</translation>
    </message>
    <message>
        <source>The two directions in which customers differ most (principal components of the scaled features). Component 1 grows with %1; component 2 with %2.</source>
        <translation>客户差异最大的两个方向（标准化特征的主成分）。主成分 1 随 %1 增大；主成分 2 随 %2 增大。</translation>
    </message>
    <message>
        <source>Choosing the number of clusters: k = %1 chosen</source>
        <translation>选择聚类数：已选 k = %1</translation>
    </message>
    <message>
        <source>mean silhouette (higher is better)</source>
        <translation>平均轮廓系数（越高越好）</translation>
    </message>
    <message>
        <source>inertia (look for the elbow)</source>
        <translation>惯性（看拐点）</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>number of clusters k</source>
        <translation>聚类数 k</translation>
    </message>
    <message>
        <source>silhouette</source>
        <translation>轮廓系数</translation>
    </message>
    <message>
        <source>inertia</source>
        <translation>惯性</translation>
    </message>
    <message>
        <source>Renaming “%1”…</source>
        <translation>正在重命名“%1”…</translation>
    </message>
    <message>
        <source>“%1” is now “%2”.</source>
        <translation>“%1”已重命名为“%2”。</translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation>正在删除“%1”…</translation>
    </message>
    <message>
        <source>“%1” deleted.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Exporting the members of “%1”…</source>
        <translation>正在导出“%1”的成员…</translation>
    </message>
    <message>
        <source>%1 members written to %2.</source>
        <translation>已将 %1 位成员写入 %2。</translation>
    </message>
    <message>
        <source>Looking for the customers most like “%1”…</source>
        <translation>正在查找与“%1”最相似的客户…</translation>
    </message>
    <message>
        <source>“%1”: the %2 customers most like “%3” (of %4 compared).</source>
        <translation>“%1”：与“%3”最相似的 %2 位客户（共比较 %4 位）。</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>重命名分群</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除分群</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? Its customers stay in the workspace; only the grouping goes.</source>
        <translation>删除分群“%1”？其客户仍保留在工作区中，只删除该分组。</translation>
    </message>
    <message>
        <source>Export members of “%1”</source>
        <translation>导出“%1”的成员</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Find lookalikes</source>
        <translation>查找相似客户</translation>
    </message>
    <message>
        <source>How many customers most like “%1”?</source>
        <translation>需要多少位与“%1”最相似的客户？</translation>
    </message>
    <message>
        <source>Save them as the segment:</source>
        <translation>保存为分群：</translation>
    </message>
    <message>
        <source>Like %1</source>
        <translation>类似 %1</translation>
    </message>
    <message>
        <source>Select a segment in the list, or make some with the form above.</source>
        <translation>在列表中选择一个分群，或用上方的表单生成分群。</translation>
    </message>
</context>
</TS>
