package ai.archbuilder.support.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text the API accepts is text every database stores as sent: no NUL character (PostgreSQL's
 * text types cannot hold it; H2 could, so the rule is the API's, the same on both) and no unpaired
 * UTF-16 surrogate ({@code "\ud800"} in JSON is no Unicode character and would come back as "?").
 * Either is a 400 naming the field. Lengths ({@code @Size}) count UTF-16 code units, as Java does:
 * an emoji outside the BMP counts 2, so a 200-character subject holds 100 such emoji.
 */
@Configuration
class ApiText {

  static final String RULE = "Text may not contain NUL characters or unpaired surrogates";

  @Bean
  Module apiTextRules() {
    return new SimpleModule("api-text-rules").addDeserializer(String.class, new CheckedStrings());
  }

  static boolean storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static final class CheckedStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      var s = super.deserialize(p, ctxt);
      if (s != null && !storable(s)) {
        return (String) ctxt.handleWeirdStringValue(String.class, s, RULE);
      }
      return s;
    }
  }
}
