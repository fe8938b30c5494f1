package com.voxanne.ops.base;

/** A failure whose message is one sentence a person can act on; the cause keeps the detail for the log. */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String sentence) {
        super(sentence);
    }

    public UserFacingException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
