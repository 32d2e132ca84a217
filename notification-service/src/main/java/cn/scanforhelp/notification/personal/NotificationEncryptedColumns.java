package cn.scanforhelp.notification.personal;

import cn.scanforhelp.infra.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * notification-service's personal fields at rest, for infra's re-encryption job (key rotation): each
 * message's phone, bound to its message (a phone copied to another message does not decrypt, so no SMS is
 * redirected; phones written before that are rewritten bound) with its hash (re-hashed when the hash key
 * rotates), and the text of each reply. (A reply's phone hash cannot be re-hashed: the reply keeps no phone.)
 */
@ApplicationScoped
public class NotificationEncryptedColumns implements EncryptedColumns {

    private static final List<Table> TABLES = List.of(
            new Table("sms_message", "id", List.of(Column.bound("phone_enc", "phone_hash"))),
            new Table("sms_reply", "id", List.of(Column.of("text_enc"))));

    @Override
    public List<Table> tables() {
        return TABLES;
    }
}
