package cn.scanforhelp.cases.stats;

import java.util.Map;

/**
 * The Chinese names of the channels in the Excel export, as the staff console shows them (扫码申请, 热线,
 * 监测预警, 窗口受理); the CSV keeps the codes for machines. An unknown code is shown as it is.
 */
final class ChannelLabels {

    private static final Map<String, String> LABELS = Map.of(
            "QR", "扫码申请", "HOTLINE", "热线", "MONITORING", "监测预警", "WINDOW", "窗口受理");

    private ChannelLabels() {
    }

    static String zh(String channel) {
        return LABELS.getOrDefault(channel, channel);
    }
}
