package cn.scanforhelp.intake.division;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Only documents the items of hotline lists in the OpenAPI document (they are plain strings). */
@Schema(name = "HotlineNumber", type = SchemaType.STRING, maxLength = 32,
        pattern = "^(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|[0-9]{5})$", example = "0938-2731234")
public final class HotlineNumber {
    private HotlineNumber() {
    }
}
