package com.produsoft.supportdesk.licence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LicenceBindingRepository extends JpaRepository<LicenceBinding, Long> {

  List<LicenceBinding> findByLicenceOrderByBoundFromAscIdAsc(Licence licence);

  Optional<LicenceBinding> findByActiveLicenceId(Long licenceId);
}
