package cn.scanforhelp.cases.sampling;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Where a new sampling's seed comes from: a secure random number, so nobody can foresee which cases a draw will pick.
 * The seed is recorded with the sampling ({@link Draw} reproduces the draw from it); a test may replace this bean to
 * fix the seed.
 */
@ApplicationScoped
public class SamplingSeeds {

    private final SecureRandom random = new SecureRandom();

    public long next() {
        return random.nextLong();
    }
}
