// Key Vault in RBAC mode with the two secrets the hub cannot start without: the first admin key and the key that
// encrypts the Teams token caches. The app reads them through Key Vault references with its managed identity.

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@secure()
@description('The first admin API key (Access:BootstrapAdminKey).')
param bootstrapAdminKey string

@secure()
@description('The key that encrypts the Teams token caches at rest (Teams:TokenCacheKey).')
param tokenCacheKey string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Soft delete keeps a deleted vault recoverable; purge protection is left off so that `azd down --purge`
    // and a later `azd up` with the same environment name work.
    softDeleteRetentionInDays: 30
    publicNetworkAccess: 'Enabled'
  }
}

resource bootstrapAdminKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'bootstrap-admin-key'
  properties: {
    value: bootstrapAdminKey
    contentType: 'text/plain'
  }
}

resource tokenCacheKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'teams-token-cache-key'
  properties: {
    value: tokenCacheKey
    contentType: 'text/plain'
  }
}

// Wraps the Data Protection key ring (the keys that encrypt the workspace's session cookie); never leaves the vault.
resource dataProtectionKey 'Microsoft.KeyVault/vaults/keys@2026-05-15' = {
  parent: vault
  name: 'dataprotection'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless secret URIs: a rotated secret reaches the app at its next restart without a redeployment.
output bootstrapAdminKeySecretUri string = '${vault.properties.vaultUri}secrets/${bootstrapAdminKeySecret.name}'
output tokenCacheKeySecretUri string = '${vault.properties.vaultUri}secrets/${tokenCacheKeySecret.name}'
// Versionless key URI: new key ring entries are wrapped with the key's current version; older ones name theirs.
output dataProtectionKeyUri string = '${vault.properties.vaultUri}keys/${dataProtectionKey.name}'
