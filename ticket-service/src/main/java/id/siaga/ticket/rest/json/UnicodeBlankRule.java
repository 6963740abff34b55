package id.siaga.ticket.rest.json;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * Makes {@code @NotBlank} refuse text of nothing but white space in the Unicode sense (no-break spaces, ideographic
 * spaces, zero-width spaces), not only the ASCII blanks that {@link String#trim()} removes.
 */
@Singleton
public class UnicodeBlankRule implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Validator.class);
        configuration.addMapping(mapping);
    }

    /** The validator {@code @NotBlank} uses instead of Hibernate Validator's. */
    public static class Validator implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !TextRules.isBlank(value);
        }
    }
}
