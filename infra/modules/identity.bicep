// The user-assigned identity the function app runs as: storage, Key Vault references and Application Insights all
// authenticate with it, so no connection string or key is ever stored in the app settings.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
