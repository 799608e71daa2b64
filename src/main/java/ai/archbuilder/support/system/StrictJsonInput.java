package ai.archbuilder.support.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API takes JSON types at their word: a number is no text, no enum value and no boolean, a
 * string is no number or boolean, and 4.5 is no integer. Jackson's lenient defaults would turn
 * {@code "channel": 1} into CHAT, {@code "csat": 4.5} into 4 and {@code "security": "true"} into
 * true; here each is a 400 naming the field. A body with more after its JSON value ({@code {…}}}) is
 * malformed, not read up to the first value. (The engine's REST API has its own object mapper.)
 */
@Configuration
class StrictJsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
    return builder ->
        builder
            .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .postConfigurer(
                mapper ->
                    mapper
                        .coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
