package ai.archbuilder.support.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API takes JSON types at their word: a number is no text, no enum value and no boolean, a
 * string is no number or boolean, and 4.5 is no integer. Jackson's lenient defaults would turn
 * {@code "channel": 1} into CHAT, {@code "csat": 4.5} into 4 and {@code "security": "true"} into
 * true; here each is a 400 naming the field. A body with more after its JSON value ({@code {…}}}) is
 * malformed, not read up to the first value. (The engine's REST API has its own object mapper.)
 *
 * <p>A field the body does not have ({@code "urgancy"}, {@code "foo"}) is a 400 naming it, not
 * dropped: a misspelt optional field would otherwise be taken as absent. That holds for the JSON
 * our controllers read (Spring MVC's converter) and nowhere else: the application's ObjectMapper
 * bean stays lenient. Whoever else reads JSON with it must not start refusing: clients reading
 * answers that may gain fields, and Jersey, with which Spring Boot registers it (for {@code
 * /engine-rest} Camunda's own object mapper wins today: TaskCompletionOverRestTest). Camunda's
 * webapps and the actuator's endpoints use object mappers of their own.
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

  /**
   * Spring MVC's JSON converter with a strict copy of the application's ObjectMapper. The shared
   * converter is replaced in MVC's list, not changed: the same instance serves RestTemplate
   * clients, which must not refuse an answer with a field they do not know.
   */
  @Bean
  WebMvcConfigurer unknownFieldsRefused() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
          // the exact class: the actuator's own converter (a subclass, for its media types) stays
          if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
            var shared = (MappingJackson2HttpMessageConverter) converters.get(i);
            var strict = new MappingJackson2HttpMessageConverter(
                shared.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            strict.setSupportedMediaTypes(shared.getSupportedMediaTypes());
            converters.set(i, strict);
          }
        }
      }
    };
  }
}
