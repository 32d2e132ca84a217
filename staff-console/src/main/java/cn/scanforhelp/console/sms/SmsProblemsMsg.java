package cn.scanforhelp.console.sms;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the SMS that went wrong (异常短信), Chinese by default; English in
 * {@code messages/smsp_en.properties}. A bundle of its own: Quarkus 3.33 generates invalid bytecode for a bundle of
 * more than 300 messages (quarkusio/quarkus#55584), so {@code Msg} keeps the shared texts only.
 */
@MessageBundle(value = "smsp", locale = "zh-CN")
public interface SmsProblemsMsg {

    @Message("异常短信") String title();
    @Message("发送失败、无法送达、已过期或状态不明的短信。可重发一次，或致电居民（在案件页查看联系方式）后标记为已处理。") String intro();
    @Message("待处理") String viewOpen();
    @Message("全部（含已重发、已处理）") String viewAll();
    @Message("异常短信，最新的在前（共 {total} 条）") String caption(long total);
    @Message("查询号（案件）") String caseColumn();
    @Message("时间") String times();
    @Message("生成") String created();
    @Message("发出") String sent();
    @Message("处理情况") String done();
    @Message("操作") String actions();
    @Message("重发一次") String resend();
    @Message("重发一次：{trackingNumber}") String resendLabel(String trackingNumber);
    @Message("处理说明（{trackingNumber}）") String noteLabel(String trackingNumber);
    @Message("如：已电话告知居民") String noteHint();
    @Message("标记已处理") String handled();
    @Message("已重发，重发短信：{status}") String resentAs(String status);
    @Message("本条为重发短信") String isResend();
    @Message("{user} 于 {at} 标记已处理") String handledBy(String user, String at);
    @Message("已重发一次，短信已交发送队列。") String resentNotice();
    @Message("已标记为已处理。") String handledNotice();
    @Message("没有需要处理的异常短信。") String empty();
    @Message("操作未完成：") String refused();
}
